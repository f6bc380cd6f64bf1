using MediaMatrix.Monitoring.Rhythm;
using Quartz;

namespace MediaMatrix.Jobs;

/// <summary>日抽查.</summary>
[DisallowConcurrentExecution]
internal sealed class DailySpotCheckJob(RhythmRounds rounds) : IJob
{
    public static readonly JobKey Key = new("daily-spot-check", "rhythm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await rounds.DailySpotCheckAsync(cancellationToken);
}

/// <summary>周巡查.</summary>
[DisallowConcurrentExecution]
internal sealed class WeeklyPatrolJob(RhythmRounds rounds) : IJob
{
    public static readonly JobKey Key = new("weekly-patrol", "rhythm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await rounds.WeeklyPatrolAsync(cancellationToken);
}

/// <summary>月普查.</summary>
[DisallowConcurrentExecution]
internal sealed class MonthlyCensusJob(RhythmRounds rounds) : IJob
{
    public static readonly JobKey Key = new("monthly-census", "rhythm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await rounds.MonthlyCensusAsync(cancellationToken);
}

/// <summary>季度通报: the quarter is claimed in the store before anything is published.</summary>
[DisallowConcurrentExecution]
internal sealed class QuarterlyBulletinJob(RhythmRounds rounds) : IJob
{
    public static readonly JobKey Key = new("quarterly-bulletin", "rhythm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await rounds.QuarterlyBulletinAsync(cancellationToken);
}
