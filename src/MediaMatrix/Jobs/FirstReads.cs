using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Jobs;

/// <summary>When a dispatch run is worth an evaluation at once rather than at the next interval (docs/scheduling.md,
/// "First answer").</summary>
internal sealed class FirstReads
{
    private int _askedWithoutReport;

    /// <summary>True when a poll succeeded for an account the latest evaluation could not judge (never read, or its source
    /// had failed). Without any evaluation in this process yet, true once: on a replica that never runs the evaluation
    /// job there is never a report of its own, and each of its dispatch runs must not start a full round.</summary>
    public bool Landed(MatrixReport? latest, IReadOnlyList<PollReport> polled)
    {
        var read = polled.Where(p => p.State.LastSuccessAt is { } success && success == p.State.LastAttemptAt).ToList();
        if (read.Count == 0)
            return false;
        if (latest is null)
            return Interlocked.Exchange(ref _askedWithoutReport, 1) == 0;

        var unknown = latest.Accounts.Where(a => a.Evaluation.Verdict == Verdict.Unknown).Select(a => a.Account.Id).ToHashSet(StringComparer.Ordinal);
        return read.Any(p => unknown.Contains(p.AccountId));
    }
}
