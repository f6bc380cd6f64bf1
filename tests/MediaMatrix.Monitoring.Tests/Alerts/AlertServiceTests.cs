using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Storage;
using Microsoft.Extensions.Time.Testing;
using static MediaMatrix.Monitoring.Tests.Alerts.AlertCases;

namespace MediaMatrix.Monitoring.Tests.Alerts;

public sealed class AlertServiceTests
{
    private readonly InMemoryAlertStore store = new();
    private readonly FakeTimeProvider time = new(T0);
    private readonly CountingListener counted = new();

    private AlertService Service => new(store, time, [counted]);

    // What a round does with one account's evaluation: the rules against the stored open alerts, then applied.
    private async Task<AlertChanges> RoundAsync(Evaluation evaluation, DateTimeOffset at)
    {
        var found = AlertRules.Evaluate(await store.GetOpenAlertsAsync(CancellationToken.None), [new AccountStanding(evaluation, null)], [], at, new AlertOptions());
        return await Service.ApplyAsync(found, at, CancellationToken.None);
    }

    [Fact]
    public async Task Apply_SameChangesTwice_OpensOnceAndCountsOnce()
    {
        var found = AlertRules.Evaluate([], [new AccountStanding(Unqualified("dh-edu", T0), null)], [], T0, new AlertOptions());

        Assert.Single((await Service.ApplyAsync(found, T0, CancellationToken.None)).Opened);
        Assert.True((await Service.ApplyAsync(found, T0, CancellationToken.None)).IsEmpty); // a re-fired job, or another replica
        Assert.Single(await store.GetOpenAlertsAsync(CancellationToken.None));
        Assert.Equal(1, counted.Opened);
    }

    [Fact]
    public async Task Round_SameEvaluationTwice_OpensOnceAndCountsOnce()
    {
        var first = await RoundAsync(Unqualified("dh-edu", T0), T0);
        var second = await RoundAsync(Unqualified("dh-edu", T0), T0);

        Assert.Single(first.Opened);
        Assert.True(second.IsEmpty);
        Assert.Single(await store.GetOpenAlertsAsync(CancellationToken.None));
        Assert.Equal(1, counted.Opened);
    }

    [Fact]
    public async Task Operator_AcknowledgesThenTheConditionClears_TrailSaysWhoAndWhen()
    {
        var alert = Assert.Single((await RoundAsync(Unqualified("dh-edu", T0), T0)).Opened);

        time.Advance(TimeSpan.FromHours(1));
        Assert.True(await Service.AcknowledgeAsync(alert.Key, "王科长", "已电话通知", CancellationToken.None));
        Assert.False(await Service.AcknowledgeAsync(alert.Key, "李主任", null, CancellationToken.None)); // already acknowledged
        Assert.True(await Service.AddNoteAsync(alert.Key, "王科长", "部门承诺明日更新", CancellationToken.None));

        var cleared = await RoundAsync(Qualified("dh-edu", T0.AddDays(1)), T0.AddDays(1));

        var resolved = Assert.Single(cleared.Resolved);
        Assert.Equal(("王科长", T0.AddHours(1)), (resolved.AcknowledgedBy, resolved.AcknowledgedAt!.Value));
        Assert.Null(resolved.ResolvedBy);
        var trail = await store.GetAlertAuditAsync(alert.Key, CancellationToken.None);
        Assert.Equal(
            [(AlertAction.Opened, (string?)null), (AlertAction.Acknowledged, "王科长"), (AlertAction.Note, "王科长"), (AlertAction.Resolved, null)],
            trail.Select(e => (e.Action, e.By)));
        Assert.Equal(1, counted.Resolved);
    }

    [Fact]
    public async Task Operator_ResolvesByHand_ThenAStillFailingAccountOpensANewEpisode()
    {
        var alert = Assert.Single((await RoundAsync(Unqualified("dh-edu", T0), T0)).Opened);

        time.Advance(TimeSpan.FromHours(2));
        Assert.True(await Service.ResolveAsync(alert.Key, "李主任", "账号已申请注销", CancellationToken.None));
        Assert.Equal("李主任", (await store.GetAlertAsync(alert.Key, CancellationToken.None))!.ResolvedBy);

        var reopened = await RoundAsync(Unqualified("dh-edu", T0.AddHours(3)), T0.AddHours(3));
        Assert.NotEqual(alert.Key, Assert.Single(reopened.Opened).Key);
    }

    private sealed class CountingListener : IAlertListener
    {
        public int Opened { get; private set; }

        public int Resolved { get; private set; }

        public void Applied(AlertChanges changes)
        {
            Opened += changes.Opened.Count;
            Resolved += changes.Resolved.Count;
        }
    }
}
