using System.Xml;

namespace MediaMatrix.Simulator.Rendering;

/// <summary>Atom 1.0. An undated account still writes &lt;updated&gt; when it has a garbage value, as broken generators do.</summary>
internal static class AtomRenderer
{
    private const string Namespace = "http://www.w3.org/2005/Atom";

    public static RenderedSource Render(RenderRequest request) =>
        XmlDocumentWriter.Write(request, "application/atom+xml", writer =>
        {
            var account = request.Account;
            writer.WriteStartElement("feed", Namespace);
            writer.WriteElementString("title", Namespace, account.Name);
            writer.WriteElementString("subtitle", Namespace, account.Department);
            writer.WriteElementString("id", Namespace, $"urn:mediamatrix-simulator:{account.Id}");
            // The newest post, not the clock, so the ETag changes only with the content; an empty
            // feed uses the Unix epoch rather than break Atom's required element.
            writer.WriteElementString("updated", Namespace, FeedDates.Rfc3339(request.Newest ?? DateTimeOffset.UnixEpoch));
            WriteLink(writer, request.HomeUrl, "alternate");
            WriteLink(writer, request.SourceUrl, "self");
            writer.WriteStartElement("author", Namespace);
            writer.WriteElementString("name", Namespace, account.Department);
            writer.WriteEndElement();
            foreach (var post in request.Posts)
            {
                writer.WriteStartElement("entry", Namespace);
                writer.WriteElementString("title", Namespace, post.Title);
                writer.WriteElementString("id", Namespace, $"urn:mediamatrix-simulator:{post.Id}");
                WriteLink(writer, request.LinkOf(post), "alternate");
                if (FeedDates.ForPost(account, post, FeedDates.Rfc3339) is { } date)
                {
                    writer.WriteElementString("published", Namespace, date);
                    writer.WriteElementString("updated", Namespace, date);
                }

                writer.WriteElementString("summary", Namespace, post.Title);
                writer.WriteStartElement("content", Namespace);
                writer.WriteAttributeString("type", "text");
                writer.WriteString(History.PostBodies.Text(account, post));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });

    private static void WriteLink(XmlWriter writer, string href, string rel)
    {
        writer.WriteStartElement("link", Namespace);
        writer.WriteAttributeString("href", href);
        writer.WriteAttributeString("rel", rel);
        writer.WriteEndElement();
    }
}
