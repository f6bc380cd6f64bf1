using MediaMatrix.Monitoring.Alerts;

namespace MediaMatrix.Notifications;

/// <summary>One notice the sweep finds owed: which transition, which reminder, and the instant it stands for.</summary>
internal sealed record OwedNotice(NoticeTransition Transition, int Reminder, DateTimeOffset At);

/// <summary>
/// Which notices an alert is owed on a route at an instant, from the stored alert alone (pure, so every replica and
/// every restart computes the same keys):
/// an opened notice while the alert is open and opened within the catch-up window; a resolved notice while it resolved
/// within the window; and the current reminder — the n-th once n reminder intervals have passed since it opened — while
/// it is open and nobody has acknowledged it. Only the current reminder: a replica down for a day sends one reminder
/// when it comes back, not six.
/// </summary>
internal static class NoticePlan
{
    public static IEnumerable<OwedNotice> Owed(Alert alert, TimeSpan reminderInterval, DateTimeOffset now, TimeSpan catchUpWindow)
    {
        if (!alert.IsOpen)
        {
            if (alert.ResolvedAt is { } resolvedAt && resolvedAt >= now - catchUpWindow && resolvedAt <= now)
                yield return new OwedNotice(NoticeTransition.Resolved, 0, resolvedAt);
            yield break;
        }

        if (alert.OpenedAt >= now - catchUpWindow && alert.OpenedAt <= now)
            yield return new OwedNotice(NoticeTransition.Opened, 0, alert.OpenedAt);

        // Acknowledged means someone is on it: reminding the group then is noise (docs/alerts.md).
        if (alert.Status == AlertStatus.Open && reminderInterval > TimeSpan.Zero && now > alert.OpenedAt)
        {
            var n = (now - alert.OpenedAt).Ticks / reminderInterval.Ticks;
            if (n >= 1)
                yield return new OwedNotice(NoticeTransition.Reminder, (int)Math.Min(n, int.MaxValue), alert.OpenedAt + (reminderInterval * n));
        }
    }
}
