using MediaMatrix.Monitoring.Polling;
using Quartz;

namespace MediaMatrix.Jobs;

/// <summary>Every tick: poll the accounts that are due. One job for the whole matrix, never a trigger per account.</summary>
[DisallowConcurrentExecution]
internal sealed class PollDispatchJob(PollDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("poll-dispatch", "polling");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await dispatcher.DispatchDueAsync(cancellationToken);
}
