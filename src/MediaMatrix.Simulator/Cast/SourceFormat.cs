namespace MediaMatrix.Simulator.Cast;

/// <summary>The one format an account's source is served in; other formats answer 404 for it.</summary>
public enum SourceFormat
{
    /// <summary>RSS 2.0 at <c>/feeds/{id}/rss.xml</c> (as an RSSHub route would serve it).</summary>
    Rss,

    /// <summary>Atom 1.0 at <c>/feeds/{id}/atom.xml</c>.</summary>
    Atom,

    /// <summary>JSON Feed 1.1 at <c>/feeds/{id}/feed.json</c>.</summary>
    JsonFeed,

    /// <summary>A government-CMS column list page at <c>/sites/{id}/list.html</c>.</summary>
    HtmlList,
}
