using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Notifications;
using static MediaMatrix.IntegrationTests.Notifications.NoticeCast;

namespace MediaMatrix.IntegrationTests.Notifications;

/// <summary>Which notices the sweep finds owed, from the stored alert alone: the same keys on every replica and after
/// every restart, so the store's records can de-duplicate them.</summary>
public sealed class NoticePlanTests
{
    private static readonly TimeSpan Every4h = TimeSpan.FromHours(4);
    private static readonly TimeSpan Window = TimeSpan.FromHours(6);

    private static string[] Owed(Alert alert, DateTimeOffset now, TimeSpan? reminders = null) =>
        [.. NoticePlan.Owed(alert, reminders ?? Every4h, now, Window).Select(o => o.Transition == NoticeTransition.Reminder ? $"reminder-{o.Reminder}" : o.Transition.ToString())];

    public static TheoryData<string, double, string[]> OpenAlert => new()
    {
        // hours after opening → what is owed; why
        { "just opened: the opened notice (the fast path usually sent it already)", 0, ["Opened"] },
        { "3h59 in: no reminder yet", 3.98, ["Opened"] },
        { "4h in: the first reminder", 4, ["Opened", "reminder-1"] },
        { "past the window: the opened notice is no longer chased", 6.5, ["reminder-1"] },
        { "9h in: only the current reminder, the 2nd", 9, ["reminder-2"] },
        { "a replica down for a day comes back: one reminder, the 6th, not six", 25, ["reminder-6"] },
    };

    [Theory]
    [MemberData(nameof(OpenAlert))]
    public void OpenAlert_OwesTheOpenedNoticeInTheWindow_AndTheCurrentReminder(string why, double hours, string[] expected)
    {
        var alert = Opened(AlertKind.BecameUnqualified, "dh-edu", T0);

        Assert.True(expected.SequenceEqual(Owed(alert, T0.AddHours(hours))), why);
    }

    [Fact]
    public void AcknowledgedAlert_GetsNoReminders_SomeoneIsOnIt()
    {
        var alert = Opened(AlertKind.BecameUnqualified, "dh-edu", T0) with { Status = AlertStatus.Acknowledged, AcknowledgedBy = "王科长", AcknowledgedAt = T0.AddHours(1) };

        Assert.Equal(["Opened"], Owed(alert, T0.AddHours(5)));
        Assert.Empty(Owed(alert, T0.AddHours(13)));
    }

    [Fact]
    public void ReminderIntervalZero_MeansNoReminders()
    {
        Assert.Empty(Owed(Opened(AlertKind.BecameUnqualified, "dh-edu", T0), T0.AddHours(30), TimeSpan.Zero));
    }

    [Fact]
    public void ResolvedAlert_OwesOnlyTheResolvedNotice_WithinTheWindow()
    {
        var resolved = Opened(AlertKind.BecameUnqualified, "dh-edu", T0) with { Status = AlertStatus.Resolved, ResolvedAt = T0.AddHours(10) };

        Assert.Equal(["Resolved"], Owed(resolved, T0.AddHours(10)));
        Assert.Equal(["Resolved"], Owed(resolved, T0.AddHours(15)));
        Assert.Empty(Owed(resolved, T0.AddHours(16.5)));
    }

    [Fact]
    public void Reminder_StandsForItsDueInstant_NotTheSweepsOwn()
    {
        var owed = NoticePlan.Owed(Opened(AlertKind.BecameUnqualified, "dh-edu", T0), Every4h, T0.AddHours(9.5), Window).Single();

        Assert.Equal((NoticeTransition.Reminder, 2, T0.AddHours(8)), (owed.Transition, owed.Reminder, owed.At));
    }
}
