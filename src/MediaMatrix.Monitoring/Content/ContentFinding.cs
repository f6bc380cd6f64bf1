using System.Security.Cryptography;
using System.Text;
using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Content;

/// <summary>
/// What a content check found in one post (a wording error, a leaked number, a denied link), with the evidence an
/// inspector asks for: the post, the excerpt around the match, the rule and when it was found. A finding is a proposal
/// until an operator decides: a confirmed serious one vetoes through a <see cref="ManualFinding"/> of the same id (so it
/// clears as manual findings do); a dismissed one is kept, so the same rule never fires on the same post again.
/// Minor findings are listed and never veto.
/// </summary>
public sealed record ContentFinding(
    string Id,
    string AccountId,
    string PostId,
    string Rule,
    FindingKind Kind,
    ContentSeverity Severity,
    DateTimeOffset FoundAt)
{
    public string PostTitle { get; init; } = "";

    public string? PostLink { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The excerpt around the match: text before it, the match itself, text after it (all untrusted; encoded where shown).</summary>
    public string Before { get; init; } = "";

    public string Match { get; init; } = "";

    public string After { get; init; } = "";

    /// <summary>A lexicon entry's right form (规范表述); null for privacy and link rules.</summary>
    public string? Correct { get; init; }

    /// <summary>Where the rule comes from (a lexicon entry's source note).</summary>
    public string? Source { get; init; }

    public FindingStatus Status { get; init; } = FindingStatus.Proposed;

    public DateTimeOffset? DecidedAt { get; init; }

    public string? DecidedBy { get; init; }

    public string? DecisionNote { get; init; }

    /// <summary>What every content finding's id (and the veto a confirmed one becomes) starts with.</summary>
    public const string IdPrefix = "cf-";

    /// <summary>One id per rule and post, so a finding is proposed once whatever round finds it again.</summary>
    public static string IdOf(string accountId, string postId, string rule)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{accountId}\n{postId}\n{rule}"));
        return IdPrefix + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>The veto a confirmed serious finding becomes: active from the post's publication (or when it was found).</summary>
    public ManualFinding ToVeto(DateTimeOffset at, string by) =>
        new(Id, AccountId, Kind, VetoText(), PublishedAt ?? FoundAt)
        {
            EvidenceUrl = PostLink,
            RecordedAt = at,
            RecordedBy = by,
        };

    private string VetoText()
    {
        var what = Correct is null ? $"「{Match}」" : $"「{Match}」应为「{Correct}」";
        return $"{FindingKinds.Zh(Kind)}：《{PostTitle}》{what}";
    }
}

public enum FindingStatus
{
    /// <summary>待确认: found by a check, not yet decided.</summary>
    Proposed,

    /// <summary>已确认: an operator confirmed it; a serious one vetoes.</summary>
    Confirmed,

    /// <summary>已排除: a false positive, remembered.</summary>
    Dismissed,
}

public enum FindingDecision { Confirm, Dismiss }

public enum FindingDecisionOutcome { Decided, NotFound, AlreadyDecided }

public sealed record FindingDecisionResult(FindingDecisionOutcome Outcome, ContentFinding? Finding);
