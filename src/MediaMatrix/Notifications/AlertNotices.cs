using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Notifications;

/// <summary>
/// Told by <see cref="AlertService"/> what an evaluation actually changed in the store — opened and resolved alerts,
/// each reported once cluster-wide, because the store refuses a second open of a slot or a second resolution — and
/// queues a notice of each for every route that takes it. Never blocks or fails the evaluation: it only queues.
/// </summary>
internal sealed partial class AlertNotices(NoticeOutbox outbox, NotificationOptions options, MatrixConfig matrix, ILogger<AlertNotices> logger) : IAlertListener
{
    public void Applied(AlertChanges changes)
    {
        if (options.Routes.Count == 0 || changes.IsEmpty)
            return;
        try
        {
            foreach (var alert in changes.Opened)
                Queue(NoticeWording.For(alert, NoticeTransition.Opened, 0, alert.OpenedAt, matrix, options.BaseUrl));
            foreach (var alert in changes.Resolved)
                Queue(NoticeWording.For(alert, NoticeTransition.Resolved, 0, alert.ResolvedAt ?? alert.OpenedAt, matrix, options.BaseUrl));
        }
        catch (Exception ex)
        {
            // A notice is never worth a failed evaluation; the sweep still finds these transitions in the store.
            LogNotQueued(logger, ex);
        }
    }

    private void Queue(AlertNotice notice)
    {
        foreach (var delivery in NoticeDelivery.ToRoutes(notice, options.Routes))
            outbox.Enqueue(delivery);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert notices could not be queued; the sweep will send them")]
    private static partial void LogNotQueued(ILogger logger, Exception exception);
}
