using MediaMatrix.Digest;
using Quartz;

namespace MediaMatrix.Jobs;

/// <summary>Sends this week's digest once it is due. Fired by the weekly cron and by a catch-up trigger (start-up and
/// hourly), so a scheduler that was down at the scheduled hour still sends that week (E4); the store keeps it once per recipient.</summary>
[DisallowConcurrentExecution]
internal sealed class WeeklyDigestJob(WeeklyDigest digest, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("weekly-digest", "digest");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (digest.IsDue(time.GetUtcNow()))
            await digest.SendAsync(cancellationToken);
    }
}
