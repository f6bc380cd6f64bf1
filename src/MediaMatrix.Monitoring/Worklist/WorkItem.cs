using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Cleanup;

namespace MediaMatrix.Monitoring.Worklist;

/// <summary>What an item on the overview's work list asks of the operator.</summary>
public enum WorkKind
{
    /// <summary>将被否决: qualified today, vetoed within the pack's working-day warning.</summary>
    VetoSoon,

    /// <summary>待确认问题: a content finding nobody has confirmed or dismissed.</summary>
    UnconfirmedFinding,

    /// <summary>处置逾期: a cleanup case step past its date (or whose re-check failed).</summary>
    OverdueStep,

    /// <summary>未确认告警: an alert still open.</summary>
    OpenAlert,
}

/// <summary>One thing to do today: what, for which account (null for a matrix-wide alert), since when, and where it is done.</summary>
public sealed record WorkItem(WorkKind Kind, string? AccountId, string Subject, DateTimeOffset? Since, string Link)
{
    /// <summary>Working days left before the veto (<see cref="WorkKind.VetoSoon"/> only).</summary>
    public int? WorkingDaysLeft { get; init; }

    /// <summary>The alert itself (<see cref="WorkKind.OpenAlert"/> only), for its title in the reader's language.</summary>
    public Alert? Alert { get; init; }

    /// <summary>The overdue step (<see cref="WorkKind.OverdueStep"/> only).</summary>
    public CaseStep? Step { get; init; }
}
