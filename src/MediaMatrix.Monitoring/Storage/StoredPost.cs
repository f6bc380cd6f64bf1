using System.Text.Json.Serialization;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// A post as stored: one-letter names and no id (the id is the hash field), because post JSON is most of
/// the store's memory (performance R3: ≤ 1.35× the payload).
/// </summary>
internal sealed record StoredPost(
    [property: JsonPropertyName("t")] string Title,
    [property: JsonPropertyName("l")] string? Link,
    [property: JsonPropertyName("p")] DateTimeOffset? PublishedAt,
    [property: JsonPropertyName("n")] bool Pinned,
    [property: JsonPropertyName("m")] PostMetrics? Metrics = null)
{
    public static StoredPost From(Post post) => new(post.Title, post.Link, post.PublishedAt, post.Pinned, post.Metrics);

    public Post ToPost(string id) => new(id, Title, Link, PublishedAt, Pinned, Metrics);
}
