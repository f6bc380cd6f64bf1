using System.Net;
using System.Text.Json;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>Reads a platform API response (m.weibo.cn getIndex, Bilibili space feed) through a <see cref="Profile"/> of dotted paths.</summary>
public static class JsonExtractor
{
    public static IReadOnlyList<Post> Extract(string json, Profile profile, Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone)
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
            return Extract(document.RootElement, profile, pageUrl, now, zone);
        }
    }

    internal static IReadOnlyList<Post> Extract(JsonElement root, Profile profile, Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone)
    {
        CheckSuccess(root, profile);

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
            var id = JsonFieldPath.ReadText(item, profile.Id);
            // A profile that names an id path skips entries without one: Weibo mixes user cards
            // and card groups into the list of posts.
            if (!string.IsNullOrEmpty(profile.Id) && string.IsNullOrWhiteSpace(id))
            {
                continue;
            }
            var title = PlainText.FromHtml(JsonFieldPath.ReadText(item, profile.Title));
            // Links embedded in pages come HTML-escaped (WeChat's content_url has "&amp;").
            var rawLink = JsonFieldPath.ReadText(item, profile.Link);
            var link = PostIds.Resolve(pageUrl, rawLink is null ? null : WebUtility.HtmlDecode(rawLink))?.AbsoluteUri;
            var dateText = JsonFieldPath.ReadText(item, profile.Published);
            DateTimeOffset? published = PublishedDateParser.TryParse(dateText, now, zone, profile.DateFormats, out var date) ? date : null;
            var pinned = JsonFieldPath.IsTruthy(JsonFieldPath.ReadText(item, profile.Pinned));
            posts.Add(new Post(PostIds.Choose(id, link, title, dateText), title, link, published, pinned));
        }
        return posts;
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
