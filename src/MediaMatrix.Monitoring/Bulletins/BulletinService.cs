using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Bulletins;

/// <summary>
/// Asks one evaluation round for what a bulletin needs (the evaluations at the period's end or now, the completion
/// matrix, each account's last stored evaluation in the previous period, the year's post count) and hands it to
/// <see cref="BulletinBuilder"/>. The <c>bulletin</c> verb and a scheduled quarterly job both call
/// <see cref="CreateAsync"/>; neither writes anything to the store.
/// </summary>
public sealed class BulletinService(MatrixConfig matrix, EvaluationRound round)
{
    /// <summary>The bulletin of <paramref name="period"/> as of <paramref name="now"/>: evaluated at the period's end, or at
    /// <paramref name="now"/> while the period is still running.</summary>
    /// <exception cref="ArgumentException">The period has not started at <paramref name="now"/>.</exception>
    public async Task<Bulletin> CreateAsync(BulletinPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = matrix.Matrix.TimeZone;
        if (period.Start(zone) > now)
        {
            throw new ArgumentException($"{period.Label} has not started yet (it starts {period.Start(zone):yyyy-MM-dd})", nameof(period));
        }

        var end = period.End(zone);
        var at = end < now ? end : now;
        var previous = period.Previous;

        // The year the period belongs to: the Q4 bulletin, evaluated at midnight on 1 January, reports the year just ended.
        var report = await round.RunAsync(new RoundRequest(at)
        {
            PeriodBefore = (previous.Start(zone), previous.End(zone)),
            TasksDueFrom = period.Start(zone),
            CountPostsFrom = BulletinPeriod.Month(period.Year, 1).Start(zone),
        }, cancellationToken).ConfigureAwait(false);
        return BulletinBuilder.Build(new BulletinInputs(period, matrix.Matrix.Name, zone, report, report.PeriodBefore, report.Completions.Tasks.Count == 0 ? null : report.Completions, report.PostsCounted)
        {
            Cases = report.Cases,
        });
    }
}
