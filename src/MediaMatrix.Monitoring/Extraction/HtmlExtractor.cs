using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>Reads a list page through a <see cref="Profile"/> of CSS selectors.</summary>
public static class HtmlExtractor
{
    public static IReadOnlyList<Post> Extract(string html, Profile profile, Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (NestingGuard.IsTooDeep(html))
        {
            throw new ExtractionException(FetchErrorClass.Parse, $"page nests elements deeper than {NestingGuard.MaxDepth} levels; refused as hostile or broken");
        }

        var document = new HtmlParser().ParseDocument(html);
        IHtmlCollection<IElement> items;
        try
        {
            items = document.QuerySelectorAll(profile.Items);
        }
        catch (DomException ex)
        {
            throw new ExtractionException(FetchErrorClass.Other, $"profile '{profile.Name}': items selector '{profile.Items}' is not valid CSS", ex);
        }
        if (items.Length == 0)
        {
            throw new ExtractionException(FetchErrorClass.Empty, $"profile '{profile.Name}': items selector '{profile.Items}' matched nothing on the page");
        }

        var title = FieldSelector.Parse(profile.Title);
        var link = FieldSelector.Parse(profile.Link);
        var published = FieldSelector.Parse(profile.Published);
        var id = FieldSelector.Parse(profile.Id);
        var pinned = FieldSelector.Parse(profile.Pinned);

        var posts = new List<Post>(items.Length);
        foreach (var item in items)
        {
            var titleText = PlainText.Collapse(title?.Read(item));
            var absoluteLink = PostIds.Resolve(pageUrl, link?.Read(item))?.AbsoluteUri;
            var dateText = published?.Read(item);
            DateTimeOffset? date = PublishedDateParser.TryParse(dateText, now, zone, profile.DateFormats, out var parsed) ? parsed : null;
            posts.Add(new Post(
                PostIds.Choose(id?.Read(item), absoluteLink, titleText, dateText),
                titleText,
                absoluteLink,
                date,
                pinned?.IsPresent(item) ?? false));
        }
        return posts;
    }
}
