using System.Text.Encodings.Web;
using System.Text.Json;

namespace MediaMatrix.Simulator.Rendering;

/// <summary>JSON Feed 1.1, written by hand with Utf8JsonWriter so the library needs no serializer metadata.</summary>
internal static class JsonFeedRenderer
{
    // Chinese stays readable, as RSSHub writes it; JSON string escaping still keeps the document valid.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static RenderedSource Render(RenderRequest request)
    {
        var account = request.Account;
        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("version", "https://jsonfeed.org/version/1.1");
            writer.WriteString("title", account.Name);
            writer.WriteString("home_page_url", request.HomeUrl);
            writer.WriteString("feed_url", request.SourceUrl);
            writer.WriteString("description", account.Department);
            writer.WriteString("language", "zh-CN");
            writer.WriteStartArray("authors");
            writer.WriteStartObject();
            writer.WriteString("name", account.Department);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartArray("items");
            foreach (var post in request.Posts)
            {
                writer.WriteStartObject();
                writer.WriteString("id", post.Id);
                writer.WriteString("url", request.LinkOf(post));
                writer.WriteString("title", post.Title);
                writer.WriteString("content_text", History.PostBodies.Text(request.Account, post));
                if (FeedDates.ForPost(account, post, FeedDates.Rfc3339) is { } date)
                {
                    writer.WriteString("date_published", date);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return new RenderedSource(body.ToArray(), "application/feed+json; charset=utf-8", request.Newest);
    }
}
