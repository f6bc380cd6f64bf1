using System.Xml;

namespace MediaMatrix.Simulator.Rendering;

/// <summary>RSS 2.0 shaped like an RSSHub route's output.</summary>
internal static class RssRenderer
{
    public static RenderedSource Render(RenderRequest request) =>
        XmlDocumentWriter.Write(request, "application/rss+xml", writer =>
        {
            var account = request.Account;
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", account.Name);
            writer.WriteElementString("link", request.HomeUrl);
            writer.WriteElementString("description", $"{account.Name}（{account.Department}） - Made with MediaMatrix.Simulator");
            writer.WriteElementString("language", "zh-cn");
            // The newest post, not the clock: the body (and so the ETag) changes only when a post appears.
            if (request.Newest is { } newest)
            {
                writer.WriteElementString("lastBuildDate", FeedDates.Rfc822(newest));
            }

            writer.WriteElementString("ttl", "60");
            foreach (var post in request.Posts)
            {
                writer.WriteStartElement("item");
                writer.WriteElementString("title", post.Title);
                writer.WriteElementString("link", request.LinkOf(post));
                writer.WriteStartElement("guid");
                writer.WriteAttributeString("isPermaLink", "false");
                writer.WriteString(post.Id);
                writer.WriteEndElement();
                if (FeedDates.ForPost(account, post, FeedDates.Rfc822) is { } date)
                {
                    writer.WriteElementString("pubDate", date);
                }

                writer.WriteElementString("description", $"<p>{System.Net.WebUtility.HtmlEncode(History.PostBodies.Text(account, post))}</p>");
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        });
}
