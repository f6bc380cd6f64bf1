using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Decisions;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

/// <summary>
/// What every <see cref="IAlertStore"/>, <see cref="IDecisionStore"/> and <see cref="IPeriodClaimStore"/> promises: the
/// three stores the alert rules and the rhythm write; same two-store pattern as <see cref="TaskStoreContract"/>.
/// </summary>
public abstract class AlertStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.FromHours(8));

    protected static readonly CancellationToken None = CancellationToken.None;

    protected StoreOptions Options { get; } = new() { KeyPrefix = $"mmtest-{Guid.NewGuid():N}" };

    protected abstract IAlertStore CreateStore(StoreOptions options);

    protected abstract IDecisionStore CreateDecisionStore(StoreOptions options);

    protected abstract IPeriodClaimStore CreatePeriodClaimStore(StoreOptions options);

    protected static Alert Unqualified(string account, DateTimeOffset at) =>
        new(Alert.KeyOf(AlertKind.BecameUnqualified, account, at), AlertKind.BecameUnqualified, account, AlertSeverity.Critical,
            AlertStatus.Open, $"{account} 检查不合格：连续两周未更新", $"{account} became unqualified", at);

    protected static Alert Overdue(string task, DateTimeOffset at) =>
        new(Alert.KeyOf(AlertKind.TaskOverdue, task, at), AlertKind.TaskOverdue, task, AlertSeverity.Critical,
            AlertStatus.Open, "任务「征兵公告」已逾期，未完成：dh-hrss", $"Task {task} overdue", at)
        {
            Accounts = ["dh-hrss"],
        };

    protected static Alert Resolved(Alert alert, DateTimeOffset at, string? by = null) =>
        alert with { Status = AlertStatus.Resolved, ResolvedAt = at, ResolvedBy = by };

    protected static AlertAuditEntry Entry(Alert alert, AlertAction action, DateTimeOffset at, string? by = null, string? text = null) =>
        new(alert.Key, action, at, by, text);

    [Fact]
    public async Task OpenAlert_SavedThenRead_RoundTripsEveryField()
    {
        var store = CreateStore(Options);
        var alert = Overdue("t-1201", Now);

        Assert.True(await store.OpenAlertAsync(alert, None));

        Assert.Equivalent(alert, Assert.Single(await store.GetOpenAlertsAsync(None)), strict: true);
        Assert.Equivalent(alert, await store.GetAlertAsync(alert.Key, None), strict: true);
        Assert.Equal([Entry(alert, AlertAction.Opened, Now, text: alert.TitleEn)], await store.GetAlertAuditAsync(alert.Key, None));
    }

    [Fact]
    public async Task OpenAlert_SameTransitionAppliedTwice_OpensOneAlert()
    {
        var store = CreateStore(Options);
        var alert = Unqualified("dh-edu", Now);

        Assert.True(await store.OpenAlertAsync(alert, None));
        Assert.False(await store.OpenAlertAsync(alert, None));

        Assert.Single(await store.GetOpenAlertsAsync(None));
        Assert.Single(await store.GetAlertAuditAsync(alert.Key, None));
    }

    [Fact]
    public async Task OpenAlert_WhileItsSlotIsOpen_IsRefusedEvenForANewEpisode()
    {
        var store = CreateStore(Options);
        var first = Unqualified("dh-edu", Now);

        await store.OpenAlertAsync(first, None);

        // Two instances evaluating a minute apart must not raise the same condition twice.
        Assert.False(await store.OpenAlertAsync(Unqualified("dh-edu", Now.AddMinutes(1)), None));
        Assert.Equal([first.Key], (await store.GetOpenAlertsAsync(None)).Select(a => a.Key));
    }

    [Fact]
    public async Task Lifecycle_OpenAcknowledgeResolve_KeepsTheTrailAndLeavesTheOpenSet()
    {
        var store = CreateStore(Options);
        var alert = Unqualified("dh-edu", Now);
        var acknowledged = alert with { Status = AlertStatus.Acknowledged, AcknowledgedBy = "王科长", AcknowledgedAt = Now.AddHours(1) };
        var resolved = Resolved(acknowledged, Now.AddDays(1));

        await store.OpenAlertAsync(alert, None);
        Assert.True(await store.UpdateOpenAlertAsync(acknowledged, Entry(alert, AlertAction.Acknowledged, Now.AddHours(1), "王科长", "已电话通知"), None));
        Assert.True(await store.AppendAlertNoteAsync(Entry(alert, AlertAction.Note, Now.AddHours(2), "王科长", "部门承诺明日更新"), None));
        Assert.True(await store.UpdateOpenAlertAsync(resolved, Entry(alert, AlertAction.Resolved, Now.AddDays(1), text: "condition cleared"), None));

        Assert.Empty(await store.GetOpenAlertsAsync(None));
        Assert.Equivalent(resolved, await store.GetAlertAsync(alert.Key, None), strict: true);
        Assert.Equal([alert.Key], (await store.GetResolvedAlertsAsync(Now, None)).Select(a => a.Key));
        Assert.Equal(
            [AlertAction.Opened, AlertAction.Acknowledged, AlertAction.Note, AlertAction.Resolved],
            (await store.GetAlertAuditAsync(alert.Key, None)).Select(e => e.Action));
    }

    [Fact]
    public async Task UpdateOpenAlert_AppliedTwiceOrAfterResolution_ChangesNothingMore()
    {
        var store = CreateStore(Options);
        var alert = Unqualified("dh-edu", Now);
        var resolved = Resolved(alert, Now.AddDays(1));
        var entry = Entry(alert, AlertAction.Resolved, Now.AddDays(1), text: "condition cleared");
        await store.OpenAlertAsync(alert, None);

        Assert.True(await store.UpdateOpenAlertAsync(resolved, entry, None));
        Assert.False(await store.UpdateOpenAlertAsync(resolved, entry, None));
        Assert.False(await store.UpdateOpenAlertAsync(alert with { Status = AlertStatus.Acknowledged, AcknowledgedBy = "王科长" }, entry, None));

        Assert.Equal(2, (await store.GetAlertAuditAsync(alert.Key, None)).Count);
    }

    [Fact]
    public async Task ResolvedSlot_CanOpenANewEpisode()
    {
        var store = CreateStore(Options);
        var first = Unqualified("dh-edu", Now);
        await store.OpenAlertAsync(first, None);
        await store.UpdateOpenAlertAsync(Resolved(first, Now.AddDays(1)), Entry(first, AlertAction.Resolved, Now.AddDays(1)), None);

        var second = Unqualified("dh-edu", Now.AddDays(10));

        Assert.True(await store.OpenAlertAsync(second, None));
        Assert.False(await store.OpenAlertAsync(first, None)); // an old episode never comes back
        Assert.Equal([second.Key], (await store.GetOpenAlertsAsync(None)).Select(a => a.Key));
    }

    [Fact]
    public async Task GetResolvedAlerts_IsNewestFirstFromSince()
    {
        var store = CreateStore(Options);
        var a = Unqualified("dh-a", Now);
        var b = Unqualified("dh-b", Now);
        var c = Unqualified("dh-c", Now);
        foreach (var (alert, days) in new[] { (a, 1), (b, 3), (c, 2) })
        {
            await store.OpenAlertAsync(alert, None);
            await store.UpdateOpenAlertAsync(Resolved(alert, Now.AddDays(days)), Entry(alert, AlertAction.Resolved, Now.AddDays(days)), None);
        }

        Assert.Equal([b.Key, c.Key], (await store.GetResolvedAlertsAsync(Now.AddDays(2), None)).Select(x => x.Key));
    }

    [Fact]
    public async Task AppendAlertNote_UnknownAlertOrRetriedNote_IsRefused()
    {
        var store = CreateStore(Options);
        var alert = Unqualified("dh-edu", Now);
        var note = Entry(alert, AlertAction.Note, Now.AddHours(1), "王科长", "已督促");

        Assert.False(await store.AppendAlertNoteAsync(note, None));
        await store.OpenAlertAsync(alert, None);
        Assert.True(await store.AppendAlertNoteAsync(note, None));
        Assert.False(await store.AppendAlertNoteAsync(note, None));

        Assert.Equal(2, (await store.GetAlertAuditAsync(alert.Key, None)).Count);
        Assert.Null(await store.GetAlertAsync("became-weak:nobody:1", None));
        Assert.Empty(await store.GetAlertAuditAsync("became-weak:nobody:1", None));
    }

    [Fact]
    public async Task Decisions_AreKeptAsHistoryNewestFirst_WithTheLatestPerAccount()
    {
        var store = CreateDecisionStore(Options);
        var confirm = Decision.Confirm("dh-edu", DispositionKind.Rectify, "部门已承诺限期整改", "王科长", Now);
        var overrule = Decision.Override("dh-edu", DispositionKind.Rectify, DispositionKind.Merge, "整改未果，归集到教育局主号", "李主任", Now.AddDays(30));
        var other = Decision.Confirm("dh-hrss", DispositionKind.Retain, "运营正常", "王科长", Now);

        foreach (var decision in new[] { confirm, overrule, other, confirm })
            await store.SaveDecisionAsync(decision, None);

        Assert.Equal([overrule, confirm], await store.GetDecisionsAsync("dh-edu", None));
        Assert.Empty(await store.GetDecisionsAsync("dh-nobody", None));
        var latest = await store.GetLatestDecisionsAsync(["dh-edu", "dh-hrss", "dh-nobody"], None);
        Assert.Equal(2, latest.Count);
        Assert.Equal(overrule, latest["dh-edu"]);
        Assert.Equal(other, latest["dh-hrss"]);
    }

    [Fact]
    public async Task ClaimPeriod_IsWonOncePerPeriod()
    {
        var store = CreatePeriodClaimStore(Options);

        Assert.True(await store.ClaimPeriodAsync("quarterly-bulletin", "2026Q4", TimeSpan.FromDays(200), None));
        Assert.False(await store.ClaimPeriodAsync("quarterly-bulletin", "2026Q4", TimeSpan.FromDays(200), None));
        Assert.True(await store.ClaimPeriodAsync("quarterly-bulletin", "2027Q1", TimeSpan.FromDays(200), None));
        Assert.True(await store.ClaimPeriodAsync("weekly-digest", "2026Q4", TimeSpan.FromDays(200), None));
    }
}
