using System.Globalization;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// What a cluster task must be wherever it is written: in the config's <c>tasks:</c>, on the tasks page or through
/// <c>POST /api/v1/tasks</c>. One set of rules, so a task the API accepts is one the config would accept too.
/// Each check returns the problem (without the field name, which the caller knows) or null.
/// </summary>
public static class TaskRules
{
    /// <summary>A head post's title fits in well under this; anything longer is a paste gone wrong.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>What browsers and most servers accept as a URL; evidence and head-post links alike.</summary>
    public const int MaxLinkLength = 2048;

    /// <summary>A title that would look like nothing on the page: empty once spaces and invisible characters
    /// (zero-width spaces, joiners, BOMs, bidi marks: Unicode category Cf) are taken away.</summary>
    public static string? TitleProblem(string? title)
    {
        if (title is null || IsBlank(title))
            return "required (spaces and invisible characters alone do not count)";

        var trimmed = title.Trim();
        if (trimmed.Length > MaxTitleLength)
            return $"at most {MaxTitleLength} characters";

        return trimmed.Any(char.IsControl) ? "no control characters (line breaks, tabs, escapes)" : null;
    }

    /// <summary>An absolute http(s) URL with a host, without surrounding spaces, at most <see cref="MaxLinkLength"/>.</summary>
    public static string? LinkProblem(string text, out Uri? url)
    {
        url = null;
        if (text.Length > MaxLinkLength)
            return $"at most {MaxLinkLength} characters";

        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && parsed.Host.Length > 0 && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]))
        {
            url = parsed;
            return null;
        }

        return $"{ConfigText.Quote(text)} is not an absolute http or https URL";
    }

    /// <summary>
    /// The problem with the assignee at <paramref name="name"/>: tasks are for member accounts of this matrix, each
    /// named once. <paramref name="seen"/> collects the names read so far. Together these also bound the list: no more
    /// names than the matrix has members.
    /// </summary>
    public static string? AssigneeProblem(string name, DeclaredAccounts accounts, ISet<string> seen) =>
        accounts.Heads.Contains(name) ? $"{ConfigText.Quote(name)} is the head; tasks are for member accounts"
        : !accounts.Ids.Contains(name) ? $"unknown account id {ConfigText.Quote(name)}"
        : !seen.Add(name) ? $"{ConfigText.Quote(name)} is listed twice"
        : null;

    private static bool IsBlank(string text) =>
        text.All(c => char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format);
}
