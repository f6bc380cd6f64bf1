using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Tasks;
using static MediaMatrix.Monitoring.Tests.Alerts.AlertCases;

namespace MediaMatrix.Monitoring.Tests.Alerts;

/// <summary>The alert state machine told as stories: each step feeds the open alerts the previous steps left, and
/// the expected state is written with its reason.</summary>
public sealed class AlertStoryTests
{
    private static readonly AlertOptions Options = new();

    private readonly List<Alert> open = [];

    private AlertChanges Step(Evaluation evaluation, PollState? poll = null, IReadOnlyList<TaskStanding>? tasks = null)
    {
        var changes = AlertRules.Evaluate(open, [new AccountStanding(evaluation, poll ?? Healthy(evaluation.EvaluatedAt))], tasks ?? [], evaluation.EvaluatedAt, Options);
        open.RemoveAll(a => changes.Resolved.Any(r => r.Key == a.Key));
        open.AddRange(changes.Opened);
        return changes;
    }

    private IEnumerable<AlertKind> OpenKinds => open.Select(a => a.Kind).Order();

    [Fact]
    public void AnAccountGoesSilentFailsRecoversAndFailsAgain()
    {
        // Day 10 of 14 without a post: the early warning opens, nothing has failed yet.
        Step(Qualified("dh-edu", T0) with { VetoInDays = 4 });
        Assert.Equal([AlertKind.EarlyWarning], OpenKinds);

        // Day 11: still warned, the days left changed; same episode, so nothing new (no alert per evaluation).
        Assert.True(Step(Qualified("dh-edu", T0.AddDays(1)) with { VetoInDays = 3 }).IsEmpty);

        // Day 14: the veto strikes. Unqualified opens; the warning resolves (the thing it warned of has happened).
        var struck = Step(Unqualified("dh-edu", T0.AddDays(4)));
        Assert.Equal([AlertKind.BecameUnqualified], struck.Opened.Select(a => a.Kind));
        Assert.Equal([AlertKind.EarlyWarning], struck.Resolved.Select(a => a.Kind));
        Assert.Equal(T0.AddDays(4), struck.Resolved[0].ResolvedAt);
        Assert.Null(struck.Resolved[0].ResolvedBy);

        // Collection fails for a day: the verdict is unknown. We cannot tell if it is still unqualified, so the alert stays.
        Assert.True(Step(Unknown("dh-edu", T0.AddDays(5)), Failing(T0.AddDays(5), T0.AddDays(4).AddHours(12), FetchErrorClass.Timeout, 3)).IsEmpty);
        Assert.Equal([AlertKind.BecameUnqualified], OpenKinds);

        // It posts again: qualified, the alert resolves itself.
        var recovered = Step(Qualified("dh-edu", T0.AddDays(6)));
        Assert.Equal([AlertKind.BecameUnqualified], recovered.Resolved.Select(a => a.Kind));
        Assert.Empty(open);

        // A second failure is a new episode: a new key, so it is a new alert and not the old one reopened.
        var again = Step(Unqualified("dh-edu", T0.AddDays(30)));
        Assert.NotEqual(struck.Opened[0].Key, Assert.Single(again.Opened).Key);
    }

    [Fact]
    public void ASourceChangesItsLayout()
    {
        // One parse failure can be a hiccup: nothing.
        Assert.True(Step(Qualified("dh-hrss", T0), Failing(T0, T0.AddHours(-4), FetchErrorClass.Parse, 1)).IsEmpty);

        // The second in a row: the profile (采集规则) needs fixing.
        Step(Qualified("dh-hrss", T0.AddHours(4)), Failing(T0.AddHours(4), T0.AddHours(-4), FetchErrorClass.Parse, 2));
        Assert.Equal([AlertKind.ExtractionBroken], OpenKinds);

        // A day and more later the verdict is unknown: collection is down as well, and extraction stays broken.
        Step(Unknown("dh-hrss", T0.AddDays(2)), Failing(T0.AddDays(2), T0.AddHours(-4), FetchErrorClass.Parse, 12));
        Assert.Equal([AlertKind.ExtractionBroken, AlertKind.CollectionDown], OpenKinds);

        // The profile is fixed and a poll succeeds: both clear at once.
        var fixedUp = Step(Qualified("dh-hrss", T0.AddDays(3)));
        Assert.Equal(2, fixedUp.Resolved.Count);
        Assert.Empty(open);
    }

    [Fact]
    public void ATaskNearsItsDeadlineThenGoesOverdueThenIsCompletedLate()
    {
        var deadline = T0.AddDays(2);
        var task = Task("t-1201", deadline);

        // Two days out: too early for a reminder.
        Assert.True(Step(Qualified("dh-edu", T0), tasks: [new TaskStanding(task, ["dh-edu", "dh-hrss"])]).IsEmpty);

        // 20 hours out, two still missing: the reminder names them.
        var reminded = Step(Qualified("dh-edu", deadline.AddHours(-20)), tasks: [new TaskStanding(task, ["dh-edu", "dh-hrss"])]);
        var reminder = Assert.Single(reminded.Opened);
        Assert.Equal(AlertKind.TaskReminder, reminder.Kind);
        Assert.Equal(["dh-edu", "dh-hrss"], reminder.Accounts);
        Assert.Contains("dh-edu、dh-hrss", reminder.TitleZh, StringComparison.Ordinal);

        // The deadline passes with dh-hrss still missing: overdue opens naming it; the reminder is over.
        var overdue = Step(Qualified("dh-edu", deadline.AddMinutes(1)), tasks: [new TaskStanding(task, ["dh-hrss"])]);
        Assert.Equal(["dh-hrss"], Assert.Single(overdue.Opened).Accounts);
        Assert.Equal(AlertKind.TaskOverdue, overdue.Opened[0].Kind);
        Assert.Equal(AlertKind.TaskReminder, Assert.Single(overdue.Resolved).Kind);

        // dh-hrss reposts late: nobody is missing, the overdue alert resolves.
        var late = Step(Qualified("dh-edu", deadline.AddDays(1)), tasks: [new TaskStanding(task, [])]);
        Assert.Equal(AlertKind.TaskOverdue, Assert.Single(late.Resolved).Kind);

        // Long after, the task drops out of the watched window: no changes either way.
        Assert.True(Step(Qualified("dh-edu", deadline.AddDays(40)), tasks: [new TaskStanding(task, ["dh-hrss"])]).IsEmpty);
    }
}
