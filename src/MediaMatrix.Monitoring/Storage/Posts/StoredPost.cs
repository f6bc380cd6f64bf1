using System.Text.Json.Serialization;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// A post as stored: one-letter names and no id (the id is the hash field), because post JSON is most of
/// the store's memory (performance R3: ≤ 1.35× the payload). <see cref="Precision"/> is written only for a date-only
/// post (defaults are left out), so JSON stored before it existed reads as a post with a time, as it was.
/// </summary>
internal sealed record StoredPost(
    [property: JsonPropertyName("t")] string Title,
    [property: JsonPropertyName("l")] string? Link,
    [property: JsonPropertyName("p")] DateTimeOffset? PublishedAt,
    [property: JsonPropertyName("n")] bool Pinned,
    [property: JsonPropertyName("m")] PostMetrics? Metrics = null,
    [property: JsonPropertyName("d")] DatePrecision Precision = DatePrecision.Time,
    [property: JsonPropertyName("x")] string? Text = null)
{
    public static StoredPost From(Post post) => new(post.Title, post.Link, post.PublishedAt, post.Pinned, post.Metrics, post.Precision, post.Text);

    public Post ToPost(string id) => new(id, Title, Link, PublishedAt, Pinned, Metrics, Precision, Text);
}
