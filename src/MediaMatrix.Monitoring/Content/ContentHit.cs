using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Content;

/// <summary>
/// One thing a content check found. <see cref="Start"/> and <see cref="Length"/> index the normalised text
/// (<see cref="ContentText.Normalize"/>), and <see cref="Matched"/> is that text's slice. <see cref="Kind"/> is the
/// veto cause the hit would be if confirmed; <see cref="Severity"/> says whether it is proposed as one at all.
/// </summary>
public sealed record ContentHit(
    string Rule,
    FindingKind Kind,
    ContentSeverity Severity,
    int Start,
    int Length,
    string Matched,
    string? Correct,
    string? Source)
{
    public int End => Start + Length;
}

/// <summary>The rule names of hits, as stored in <see cref="ContentFinding.Rule"/>; a finding's id depends on them.</summary>
public static class ContentRuleNames
{
    public const string LexiconPrefix = "lexicon:";
    public const string IdNumber = "privacy:id-number";
    public const string Mobile = "privacy:mobile";
    public const string BankCard = "privacy:bank-card";
    public const string DeniedLink = "link:denied";

    public static string Lexicon(LexiconEntry entry) => LexiconPrefix + entry.Id;
}
