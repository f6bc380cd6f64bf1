using System.Globalization;
using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Web;

/// <summary>An operator's manual finding or its clearance, from a form or the API; errors name the field.</summary>
internal static class FindingInput
{
    public const int MaxText = 1000;
    public const int MaxNote = OperatorNote.MaxLength;
    public const int MaxLink = 2000;

    /// <summary>The kinds as the API and forms spell them.</summary>
    public static readonly IReadOnlyList<(string Name, FindingKind Kind)> Kinds =
    [
        ("serious-error", FindingKind.SeriousError), ("personal-data-leak", FindingKind.PersonalDataLeak), ("harmful-link", FindingKind.HarmfulLink),
        ("no-interaction", FindingKind.NoInteraction), ("other", FindingKind.Other),
    ];

    // 表述不规范 comes only from the lexicon checks (a notice, never a veto), so it is named but not offered as a manual kind.
    public static string Name(FindingKind kind) => kind == FindingKind.WordingError ? "wording-error" : Kinds.First(k => k.Kind == kind).Name;

    /// <param name="from">Null: from now. A finding is an observed fact, so it cannot start in the future.</param>
    public static (ManualFinding? Finding, string? Error) Read(
        string accountId, string? kind, string? text, string? evidence, DateTimeOffset? from, DateTimeOffset? until, string by, DateTimeOffset now)
    {
        var known = Kinds.FirstOrDefault(k => string.Equals(k.Name, kind?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known.Name is null)
        {
            return (null, $"kind: one of {string.Join(", ", Kinds.Select(k => k.Name))}");
        }

        text = text?.Trim() ?? "";
        if (!HasVisibleText(text))
        {
            return (null, "text: required (what was found)");
        }

        if (text.Length > MaxText)
        {
            return (null, $"text: at most {MaxText} characters");
        }

        string? link = null;
        if (!string.IsNullOrWhiteSpace(evidence))
        {
            if (evidence.Length > MaxLink || !Uri.TryCreate(evidence.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return (null, $"evidenceUrl: an http(s) link of at most {MaxLink} characters");
            }

            link = uri.AbsoluteUri;
        }

        var start = from ?? now;
        if (start > now)
        {
            return (null, "from: cannot be in the future");
        }

        if (until is { } end && end <= start)
        {
            return (null, "until: must be after from");
        }

        var id = "f-" + Guid.CreateVersion7(now).ToString("N");
        return (new ManualFinding(id, accountId, known.Kind, text, start) { Until = until, EvidenceUrl = link, RecordedBy = by, RecordedAt = now }, null);
    }

    /// <summary>The note a clearance needs: why the finding no longer holds.</summary>
    public static (string? Note, string? Error) ReadNote(string? note)
    {
        note = note?.Trim() ?? "";
        if (!HasVisibleText(note))
        {
            return (null, "note: required to clear a finding (why it no longer holds)");
        }

        // The same rule as every other operator note (decisions, alert actions, completions).
        return OperatorNote.Problem(note) is { } problem ? (null, $"note: {problem}") : (note, null);
    }

    /// <summary>A form's <c>datetime-local</c> value, read in the matrix's zone; empty is null.</summary>
    public static (DateTimeOffset? At, string? Error) ReadLocal(string field, string? value, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }

        if (!DateTime.TryParseExact(value.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (null, $"{field}: a date and time such as 2026-12-01T09:30");
        }

        return (new DateTimeOffset(local, zone.GetUtcOffset(local)), null);
    }

    // Whitespace, zero-width and other format characters are not text an operator can read.
    private static bool HasVisibleText(string text) =>
        text.Any(c => !char.IsWhiteSpace(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.Control));
}
