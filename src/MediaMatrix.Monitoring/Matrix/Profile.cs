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
    string? ScriptVariable = null);
