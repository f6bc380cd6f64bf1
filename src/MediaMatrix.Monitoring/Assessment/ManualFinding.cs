namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// A veto cause a public feed cannot show (a leak or security incident, a serious error in published text, a link to harmful
/// content, no working way to interact), recorded by an operator with its evidence. Active from <see cref="From"/> until
/// <see cref="Until"/> or until an operator clears it with a note; while active it vetoes like silence does
/// (国办秘函〔2019〕19号: any of the single vetoes fails the account).
/// </summary>
public sealed record ManualFinding(string Id, string AccountId, FindingKind Kind, string Text, DateTimeOffset From)
{
    /// <summary>When the finding stops applying on its own (e.g. the post was corrected on a known date); null: until cleared.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Where the problem can be seen: the post, a screenshot, the inspector's notice.</summary>
    public string? EvidenceUrl { get; init; }

    public string RecordedBy { get; init; } = "";

    public DateTimeOffset RecordedAt { get; init; }

    public DateTimeOffset? ClearedAt { get; init; }

    public string? ClearedBy { get; init; }

    /// <summary>Why the finding no longer holds; a clearance without one is refused.</summary>
    public string? ClearNote { get; init; }

    public bool IsActiveAt(DateTimeOffset now) =>
        From <= now && (Until is null || Until > now) && (ClearedAt is null || ClearedAt > now);
}

/// <summary>The single-veto causes an operator can record (domain.md, "Other veto causes").</summary>
public enum FindingKind
{
    /// <summary>严重表述错误.</summary>
    SeriousError,

    /// <summary>泄露个人信息 or another security problem.</summary>
    PersonalDataLeak,

    /// <summary>链接有害内容.</summary>
    HarmfulLink,

    /// <summary>未提供有效互动功能.</summary>
    NoInteraction,

    /// <summary>Another problem an inspector named.</summary>
    Other,

    /// <summary>表述不规范: a minor lexicon hit (a common miswriting); listed as a notice, never a veto cause.</summary>
    WordingError,
}

/// <summary>Names of <see cref="FindingKind"/> as people read them.</summary>
public static class FindingKinds
{
    public static string Zh(FindingKind kind) => kind switch
    {
        FindingKind.SeriousError => "严重表述错误",
        FindingKind.PersonalDataLeak => "泄露个人信息",
        FindingKind.HarmfulLink => "链接有害内容",
        FindingKind.NoInteraction => "未提供有效互动功能",
        FindingKind.WordingError => "表述不规范",
        _ => "其他问题",
    };

    public static string En(FindingKind kind) => kind switch
    {
        FindingKind.SeriousError => "serious error in published text",
        FindingKind.PersonalDataLeak => "personal data leaked",
        FindingKind.HarmfulLink => "link to harmful content",
        FindingKind.NoInteraction => "no working way to interact",
        FindingKind.WordingError => "non-standard wording",
        _ => "other problem",
    };
}
