using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// One profile field for HTML: a CSS selector inside the item, optionally followed by
/// <c>@attr</c> to read an attribute (<c>a@href</c>); an empty selector means the item itself
/// (<c>@title</c>). Without <c>@attr</c> the value is the element's text, whitespace collapsed.
/// The selector is parsed once per page (<see cref="For"/>), not once per item as <c>QuerySelector(string)</c>
/// does; a selector the parser refuses, or one using <c>:scope</c>, takes the string path, so its error and its
/// meaning stay AngleSharp's.
/// </summary>
internal sealed partial record FieldSelector(string? Css, string? Attribute)
{
    [GeneratedRegex(@"^(?<css>.*?)@(?<attr>[A-Za-z_:][-A-Za-z0-9_:.]*)$", RegexOptions.Singleline)]
    private static partial Regex WithAttribute();

    private ISelector? Compiled { get; init; }

    public static FieldSelector? Parse(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return null;
        }
        var match = WithAttribute().Match(field.Trim());
        if (!match.Success)
        {
            return new FieldSelector(field.Trim(), null);
        }
        var css = match.Groups["css"].Value.Trim();
        return new FieldSelector(css.Length == 0 ? null : css, match.Groups["attr"].Value);
    }

    /// <summary>
    /// This field with its selector parsed once by the document's own selector parser, the service
    /// <c>QuerySelector(string)</c> would ask on every call, so what matches is the same.
    /// </summary>
    public FieldSelector For(IDocument document)
    {
        if (Css is null || Css.Contains(":scope", StringComparison.OrdinalIgnoreCase)
            || document.Context.GetService<ICssSelectorParser>() is not { } parser)
        {
            return this;
        }

        return this with { Compiled = parser.ParseSelector(Css) };
    }

    /// <summary>The first match's value, or null when nothing matches or the value is blank.</summary>
    public string? Read(IElement item)
    {
        var element = Find(item);
        if (element is null)
        {
            return null;
        }
        var value = Attribute is null ? PlainText.Collapse(element.TextContent) : element.GetAttribute(Attribute)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>True when the selector matches and, for an attribute, the value is not false-like.</summary>
    public bool IsPresent(IElement item)
    {
        var element = Find(item);
        if (element is null)
        {
            return false;
        }
        return Attribute is null || JsonFieldPath.IsTruthy(element.GetAttribute(Attribute));
    }

    private IElement? Find(IElement item) =>
        Css is null ? item
        : Compiled is { } selector ? item.ChildNodes.QuerySelector(selector)
        : item.QuerySelector(Css);
}
