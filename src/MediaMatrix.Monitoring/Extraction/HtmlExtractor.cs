using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>Reads a list page through a <see cref="Profile"/> of CSS selectors.</summary>
public static class HtmlExtractor
{
    public static IReadOnlyList<Post> Extract(string html, Profile profile, Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone) =>
        ExtractPage(html.AsMemory(), profile, pageUrl, now, zone).Posts;

    /// <summary>The posts and, when the profile names a <see cref="Profile.NextPage"/> link, the older page's URL.</summary>
    /// <param name="html">The decoded page; read from memory (a pooled buffer when it comes from a poll), never copied to a string.</param>
    internal static (IReadOnlyList<Post> Posts, Uri? NextPage) ExtractPage(ReadOnlyMemory<char> html, Profile profile, Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (NestingGuard.IsTooDeep(html.Span))
        {
            throw new ExtractionException(FetchErrorClass.Parse, $"page nests elements deeper than {NestingGuard.MaxDepth} levels; refused as hostile or broken");
        }

        var filters = FieldFilters.Of(profile);
        var document = new HtmlParser().ParseDocument(html);
        IReadOnlyList<IElement> items;
        try
        {
            var inlined = InlineScriptHtml(document, profile.ScriptHtml);
            items = ItemSelector.Select(document, profile.Items, html.Span, inlined);
        }
        catch (DomException ex)
        {
            throw new ExtractionException(FetchErrorClass.Other, $"profile '{profile.Name}': a selector ('{profile.Items}' or '{profile.ScriptHtml}') is not valid CSS", ex);
        }
        if (items.Count == 0)
        {
            throw new ExtractionException(FetchErrorClass.Empty, $"profile '{profile.Name}': items selector '{profile.Items}' matched nothing on the page");
        }

        var title = FieldSelector.Parse(profile.Title)?.For(document);
        var link = FieldSelector.Parse(profile.Link)?.For(document);
        var published = FieldSelector.Parse(profile.Published)?.For(document);
        var id = FieldSelector.Parse(profile.Id)?.For(document);
        var pinned = FieldSelector.Parse(profile.Pinned)?.For(document);
        var text = FieldSelector.Parse(profile.Text)?.For(document);
        var metrics = new[] { profile.Reads, profile.Likes, profile.Comments, profile.Followers }.Select(f => FieldSelector.Parse(f)?.For(document)).ToArray();

        var posts = new List<Post>(items.Count);
        foreach (var item in items)
        {
            var titleText = PlainText.Collapse(filters.Apply("title", title?.Read(item)));
            var absoluteLink = PostIds.Resolve(pageUrl, filters.Apply("link", link?.Read(item)))?.AbsoluteUri;
            var dateText = filters.Apply("published", published?.Read(item));
            var dated = PublishedDateParser.TryRead(dateText, now, zone, profile.DateFormats, out PublishedDate parsed);
            posts.Add(new Post(
                PostIds.Choose(filters.Apply("id", id?.Read(item)), absoluteLink, titleText, dateText),
                titleText,
                absoluteLink,
                dated ? parsed.At : null,
                pinned?.IsPresent(item) ?? false,
                MetricsOf(item, metrics, filters),
                parsed.Precision,
                filters.Apply("text", text?.Read(item))));
        }

        var next = FieldSelector.Parse(profile.NextPage)?.Read(document.DocumentElement);
        return (posts, PostIds.Resolve(pageUrl, next));
    }

    /// <summary>
    /// Moves markup shipped as script text into the page, so the item selectors see it. Hanweb JCMS
    /// writes <c>&lt;record&gt;&lt;![CDATA[&lt;li&gt;…&lt;/li&gt;]]&gt;&lt;/record&gt;</c> into a
    /// <c>text/xml</c> script and builds the list in the browser.
    /// </summary>
    /// <returns>True when the profile names script markup to inline (the page then differs from its source text).</returns>
    private static bool InlineScriptHtml(IDocument document, string? scriptSelector)
    {
        if (string.IsNullOrWhiteSpace(scriptSelector) || document.Body is null)
        {
            return false;
        }

        foreach (var script in document.QuerySelectorAll(scriptSelector).ToList())
        {
            var markup = script.TextContent.Replace("<![CDATA[", string.Empty, StringComparison.Ordinal).Replace("]]>", string.Empty, StringComparison.Ordinal);
            if (NestingGuard.IsTooDeep(markup))
            {
                throw new ExtractionException(FetchErrorClass.Parse, $"script markup nests elements deeper than {NestingGuard.MaxDepth} levels; refused as hostile or broken");
            }

            var holder = document.CreateElement("div");
            holder.SetAttribute("data-script-html", string.Empty);
            holder.InnerHtml = markup;
            script.Parent?.ReplaceChild(holder, script);
        }

        return true;
    }

    private static PostMetrics? MetricsOf(IElement item, FieldSelector?[] selectors, FieldFilters filters)
    {
        if (selectors.All(s => s is null))
        {
            return null;
        }

        var metrics = new PostMetrics(
            MetricNumber.Parse(filters.Apply("reads", selectors[0]?.Read(item))),
            MetricNumber.Parse(filters.Apply("likes", selectors[1]?.Read(item))),
            MetricNumber.Parse(filters.Apply("comments", selectors[2]?.Read(item))),
            MetricNumber.Parse(filters.Apply("followers", selectors[3]?.Read(item))));
        return metrics.IsEmpty ? null : metrics;
    }
}
