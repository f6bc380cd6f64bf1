using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Notifications;

/// <summary>
/// Every <see cref="NotificationOptions.SweepInterval"/> (and once at start-up), reads the open alerts and those
/// resolved within the catch-up window and queues every notice they are owed (<see cref="NoticePlan"/>): reminders
/// that came due, and opened or resolved notices the fast path lost (a crash between the store write and the post, an
/// operator resolving by hand). The store's notice records make it idempotent: a settled notice is never claimed
/// again, so a sweep on every replica sends each notice once.
/// </summary>
internal sealed partial class NoticeSweep(IAlertStore store, NoticeOutbox outbox, NotificationOptions options, MatrixConfig matrix, TimeProvider time, ILogger<NoticeSweep> logger) : BackgroundService
{
    /// <summary>Queues what is owed now; returns how many deliveries it queued (not already pending here).</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        if (options.Routes.Count == 0)
            return 0;
        var now = time.GetUtcNow();
        var open = await store.GetOpenAlertsAsync(cancellationToken);
        var resolved = await store.GetResolvedAlertsAsync(now - options.CatchUpWindow, cancellationToken);
        var queued = 0;
        foreach (var alert in open.Concat(resolved))
        {
            foreach (var route in options.Routes)
            {
                foreach (var owed in NoticePlan.Owed(alert, route.ReminderInterval, now, options.CatchUpWindow))
                {
                    var notice = NoticeWording.For(alert, owed.Transition, owed.Reminder, owed.At, matrix, options.BaseUrl);
                    queued += NoticeDelivery.ToRoutes(notice, [route]).Count(outbox.Enqueue);
                }
            }
        }

        return queued;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Routes.Count == 0)
            return;
        using var timer = new PeriodicTimer(options.SweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice sweep failed (store away?); trying again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
