using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Monitoring.Rhythm;

/// <summary>What one round of the rhythm did: the accounts it judged and the alerts it changed.</summary>
public sealed record RoundResult(string Round, DateTimeOffset At, IReadOnlyList<string> Checked, AlertChanges Alerts);

/// <summary>
/// The inspection rhythm (日抽查、周巡查、月普查、季度通报), one method per round, each what its Quartz job calls, each one
/// evaluation round with its own sampling. Evaluations are persisted by the weekly and monthly rounds (and the periodic
/// evaluation), never by the spot check, which only looks: a sample must not add stability records for some accounts
/// and not others.
/// </summary>
public sealed class RhythmRounds(EvaluationRound round, IPeriodClaimStore store, TimeProvider time, RhythmOptions options, IBulletinPublisher bulletins)
{
    /// <summary>A quarter's claim outlives the quarter after it, so a late re-fire cannot publish the same bulletin twice.</summary>
    public static readonly TimeSpan BulletinClaimTtl = TimeSpan.FromDays(200);

    /// <summary>日抽查: a seeded random sample plus every flagged account (an open alert, or last stored evaluation
    /// unqualified or weak); new problems among them raise alerts at once.</summary>
    public async Task<RoundResult> DailySpotCheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var report = await round.RunAsync(new RoundRequest(now)
        {
            ApplyAlerts = true,
            Sample = new SpotCheck(options.SpotCheckSampleSize, options.SpotCheckSeed, options.Zone),
        }, cancellationToken).ConfigureAwait(false);
        return new RoundResult("daily-spot-check", now, report.Sampled ?? [], report.Alerts);
    }

    /// <summary>周巡查: every account, persisted, alerts for all.</summary>
    public Task<RoundResult> WeeklyPatrolAsync(CancellationToken cancellationToken) => FullRoundAsync("weekly-patrol", cancellationToken);

    /// <summary>月普查: the full evaluation over the 90-day window (the round reads the long-term window's posts), persisted.</summary>
    public Task<RoundResult> MonthlyCensusAsync(CancellationToken cancellationToken) => FullRoundAsync("monthly-census", cancellationToken);

    /// <summary>季度通报: claims the quarter just ended, then hands it to the bulletin publisher. Null when another
    /// instance (or an earlier firing) already claimed it.</summary>
    public async Task<QuarterPeriod?> QuarterlyBulletinAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var quarter = QuarterPeriod.Before(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, options.Zone).DateTime));
        if (!await store.ClaimPeriodAsync("quarterly-bulletin", quarter.ToString(), BulletinClaimTtl, cancellationToken).ConfigureAwait(false))
            return null;

        await bulletins.PublishQuarterAsync(quarter, now, cancellationToken).ConfigureAwait(false);
        return quarter;
    }

    private async Task<RoundResult> FullRoundAsync(string name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var report = await round.RunAsync(RoundRequest.Scheduled(now), cancellationToken).ConfigureAwait(false);
        return new RoundResult(name, now, [.. report.Accounts.Select(a => a.Account.Id)], report.Alerts);
    }
}
