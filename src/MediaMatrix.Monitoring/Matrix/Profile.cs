namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// A declarative extraction recipe (采集规则). For HTML, every field is a CSS selector evaluated
/// inside one item, optionally followed by <c>@attr</c> to read an attribute instead of the text
/// (<c>a@href</c>). For JSON, fields are dotted paths (<c>data.cards</c>, <c>mblog.created_at</c>).
/// JSON APIs answer HTTP 200 when they fail (Weibo's <c>"ok":0</c>, Bilibili's <c>"code":-352</c>):
/// <see cref="SuccessPath"/> must then equal <see cref="SuccessValue"/>, or the poll fails with the
/// text at <see cref="MessagePath"/>. An empty <see cref="Link"/> means the source gives no link.
/// <see cref="ScriptVariable"/> reads an HTML page's posts from a JSON literal assigned in a script
/// (WeChat's <c>var msgList = {…}</c>), with the other fields as JSON paths.
/// <para>
/// <see cref="EmptyMarker"/> is text a legitimately empty list shows (<c>暂无内容</c>): a page with it
/// and no items is a success with no posts, not a layout change. <see cref="BlockedMarker"/> is text
/// of the site's anti-bot or login page: a body with it is <c>blocked</c>, whatever it parses to.
/// <see cref="Replace"/> holds filters <c>"field: regex => replacement"</c> applied to a field's raw
/// text (<c>"published: ^发布于 => "</c>). <see cref="NextPage"/> finds the older page's link
/// (<c>a.next@href</c>, or a JSON path); a never-read account follows it up to <see cref="MaxPages"/>
/// pages (backfill). <see cref="Reads"/>, <see cref="Likes"/>, <see cref="Comments"/> and
/// <see cref="Followers"/> are optional metric fields (<c>10万+</c> and <c>1.2万</c> are read).
/// <see cref="ScriptHtml"/> selects script elements whose text is markup to read as part of the page:
/// Hanweb JCMS column pages ship their list as CDATA records in <c>&lt;script type="text/xml"&gt;</c>.
/// </para>
/// <para>
/// <see cref="Text"/> reads a post's text from the list itself (a summary element, a JSON path such as
/// <c>mblog.text</c>); feeds need none (description / content). <see cref="Article"/> is the CSS selector of the body
/// on a post's own page: new posts' pages (never a backfill's) are fetched, at most <see cref="ArticleLimit"/> per
/// poll, through the same fetcher, host gate and politeness as the list (docs/content-checks.md).
/// </para>
/// </summary>
public sealed record Profile(
    string Name,
    string Items,
    string Title,
    string Link,
    string Published,
    string? Id = null,
    IReadOnlyList<string>? DateFormats = null,
    string? Pinned = null,
    string? SuccessPath = null,
    string? SuccessValue = null,
    string? MessagePath = null,
    string? ScriptVariable = null,
    string? EmptyMarker = null,
    string? BlockedMarker = null,
    IReadOnlyList<string>? Replace = null,
    string? NextPage = null,
    int MaxPages = 1,
    string? Reads = null,
    string? Likes = null,
    string? Comments = null,
    string? Followers = null,
    string? ScriptHtml = null,
    string? Text = null,
    string? Article = null,
    int ArticleLimit = 5);
