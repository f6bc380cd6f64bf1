namespace MediaMatrix.Monitoring.Assessment;

/// <summary>处置建议: retain (保留), rectify by a deadline (限期整改), merge into another account (归集整合), close (注销关停).</summary>
public enum DispositionKind { Retain, Rectify, Merge, Close }

/// <summary>
/// The proposed disposition of one account with its reasons. A proposal only: an operator confirms or overrides it.
/// <see cref="Deadline"/> is set for rectify; <see cref="MergeInto"/> names the suggested account for merge (a same-department sibling, else the head).
/// </summary>
public sealed record Disposition(DispositionKind Kind, DateTimeOffset? Deadline, string? MergeInto, IReadOnlyList<Reason> Reasons);
