using System.Net;
using System.Text.Json;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>Reads a platform API response (m.weibo.cn getIndex, Bilibili space feed) through a <see cref="Profile"/> of dotted paths.</summary>
public static class JsonExtractor
{
    public static IReadOnlyList<Post> Extract(string json, Profile profile, Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone) =>
        ExtractPage(json, profile, pageUrl, now, zone).Posts;

    internal static IReadOnlyList<Post> Extract(JsonElement root, Profile profile, Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone) =>
        ExtractPage(root, profile, pageUrl, now, zone).Posts;

    /// <summary>The posts and, when the profile names a <see cref="Profile.NextPage"/> path, the older page's URL.</summary>
    internal static (IReadOnlyList<Post> Posts, Uri? NextPage) ExtractPage(string json, Profile profile, Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 128, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new ExtractionException(FetchErrorClass.Parse, $"profile '{profile.Name}': body is not JSON: {ex.Message}", ex);
        }
        using (document)
        {
            return ExtractPage(document.RootElement, profile, pageUrl, now, zone);
        }
    }

    internal static (IReadOnlyList<Post> Posts, Uri? NextPage) ExtractPage(JsonElement root, Profile profile, Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone)
    {
        CheckSuccess(root, profile);
        var filters = FieldFilters.Of(profile);

        var items = JsonFieldPath.Find(root, profile.Items);
        if (items is not { ValueKind: JsonValueKind.Array } array)
        {
            throw new ExtractionException(FetchErrorClass.Parse, $"profile '{profile.Name}': no array at '{profile.Items}'");
        }
        if (array.GetArrayLength() == 0)
        {
            throw new ExtractionException(FetchErrorClass.Empty, $"profile '{profile.Name}': the array at '{profile.Items}' is empty");
        }

        var posts = new List<Post>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            var id = filters.Apply("id", JsonFieldPath.ReadText(item, profile.Id));
            // A profile that names an id path skips entries without one: Weibo mixes user cards
            // and card groups into the list of posts.
            if (!string.IsNullOrEmpty(profile.Id) && string.IsNullOrWhiteSpace(id))
            {
                continue;
            }
            var title = PlainText.FromHtml(filters.Apply("title", JsonFieldPath.ReadText(item, profile.Title)));
            // Links embedded in pages come HTML-escaped (WeChat's content_url has "&amp;").
            var rawLink = filters.Apply("link", JsonFieldPath.ReadText(item, profile.Link));
            var link = PostIds.Resolve(pageUrl, rawLink is null ? null : WebUtility.HtmlDecode(rawLink))?.AbsoluteUri;
            var dateText = filters.Apply("published", JsonFieldPath.ReadText(item, profile.Published));
            var dated = PublishedDateParser.TryRead(dateText, now, zone, profile.DateFormats, out PublishedDate date);
            var pinned = JsonFieldPath.IsTruthy(JsonFieldPath.ReadText(item, profile.Pinned));
            var text = profile.Text is null ? null : filters.Apply("text", JsonFieldPath.ReadText(item, profile.Text));
            posts.Add(new Post(PostIds.Choose(id, link, title, dateText), title, link, dated ? date.At : null, pinned, MetricsOf(item, profile, filters), date.Precision, text));
        }

        var next = filters.Apply("link", JsonFieldPath.ReadText(root, profile.NextPage));
        return (posts, PostIds.Resolve(pageUrl, next is null ? null : WebUtility.HtmlDecode(next)));
    }

    private static PostMetrics? MetricsOf(JsonElement item, Profile profile, FieldFilters filters)
    {
        if (profile.Reads is null && profile.Likes is null && profile.Comments is null && profile.Followers is null)
        {
            return null;
        }

        long? Read(string field, string? path) => MetricNumber.Parse(filters.Apply(field, JsonFieldPath.ReadText(item, path)));
        var metrics = new PostMetrics(Read("reads", profile.Reads), Read("likes", profile.Likes), Read("comments", profile.Comments), Read("followers", profile.Followers));
        return metrics.IsEmpty ? null : metrics;
    }

    private static void CheckSuccess(JsonElement root, Profile profile)
    {
        if (string.IsNullOrWhiteSpace(profile.SuccessPath))
        {
            return;
        }
        var actual = JsonFieldPath.ReadText(root, profile.SuccessPath);
        if (string.Equals(actual, profile.SuccessValue ?? "true", StringComparison.Ordinal))
        {
            return;
        }
        var message = JsonFieldPath.ReadText(root, profile.MessagePath ?? "msg") ?? JsonFieldPath.ReadText(root, "message");
        throw new ExtractionException(
            FetchErrorClass.Parse,
            $"profile '{profile.Name}': {profile.SuccessPath} is {actual ?? "missing"}, expected {profile.SuccessValue ?? "true"}"
                + (string.IsNullOrWhiteSpace(message) ? string.Empty : $": {message}"));
    }
}
