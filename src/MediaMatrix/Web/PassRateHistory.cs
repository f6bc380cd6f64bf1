using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Worklist;

namespace MediaMatrix.Web;

/// <summary>
/// The overview's 12-week pass rate, read from every account's stored evaluations. Those records are kept at most about
/// once a day (Assessment:Stability:MinimumSpacing), so the trend is read at most every ten minutes, not per page view:
/// one history read per account is the cost, and a large matrix should not pay it on every click.
/// </summary>
internal sealed class PassRateHistory(IEvaluationStore evaluations, MatrixConfig matrix, TimeProvider time) : IDisposable
{
    public const int Weeks = 12;
    private static readonly TimeSpan Reuse = TimeSpan.FromMinutes(10);
    private const int ReadAhead = 64;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, IReadOnlyList<WeekPassRate> Weeks)? _cached;

    public async Task<IReadOnlyList<WeekPassRate>> WeeklyAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (Fresh(now) is { } hit)
            return hit;

        await _gate.WaitAsync(ct);
        try
        {
            if (Fresh(now) is { } again)
                return again;
            // A chunk of accounts' histories at a time, so the store answers them together rather than one round trip each.
            var records = new List<EvaluationRecord>();
            foreach (var chunk in matrix.Accounts.Chunk(ReadAhead))
            {
                foreach (var history in await Task.WhenAll(chunk.Select(a => evaluations.GetEvaluationHistoryAsync(a.Id, Weeks * 7, ct))))
                    records.AddRange(history);
            }

            var weeks = PassRateTrend.Weekly(records, now, matrix.Matrix.TimeZone, Weeks);
            _cached = (now, weeks);
            return weeks;
        }
        finally
        {
            _gate.Release();
        }
    }

    private IReadOnlyList<WeekPassRate>? Fresh(DateTimeOffset now) =>
        _cached is { } hit && now >= hit.At && now - hit.At < Reuse ? hit.Weeks : null;

    public void Dispose() => _gate.Dispose();
}
