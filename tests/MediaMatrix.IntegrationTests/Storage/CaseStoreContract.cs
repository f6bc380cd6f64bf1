using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Decisions;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

/// <summary>What every store promises about cleanup cases: a case is kept for good with every field, each change is
/// written only over the case it was made from (two operators recording one step give one record), and the trail keeps
/// every entry in order.</summary>
public abstract class CaseStoreContract
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected static readonly DateTimeOffset T = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    protected StoreOptions Options { get; } = new() { KeyPrefix = $"mmtest-{Guid.NewGuid():N}" };

    protected abstract ICaseStore CreateStore(StoreOptions options);

    protected static (CleanupCase Case, CaseAuditEntry Entry) Close(string account = "dh-yjgl", double daysAgo = 1)
    {
        var decision = Decision.Confirm(account, DispositionKind.Close, "僵尸账号，关停", "op", T.AddDays(-daysAgo));
        var c = CaseSteps.Open(decision, new Disposition(DispositionKind.Close, null, null, []), new CaseOptions())!;
        return (c, CaseSteps.Opened(c, decision));
    }

    private static CaseChange Notice(CleanupCase c, string by) =>
        CaseSteps.Record(c, new StepRecord(CaseStepKind.Notice, T.AddHours(-2), by, T) { Link = "https://weibo.example.cn/notice", Note = "已发停更公告" }).Change!;

    [Fact]
    public async Task Open_KeepsEveryField_AndRefusesASecondCaseWithTheSameId()
    {
        var store = CreateStore(Options);
        var (c, entry) = Close();

        Assert.True(await store.OpenCaseAsync(c, [entry], None));
        Assert.False(await store.OpenCaseAsync(c with { OpenedBy = "other" }, [entry], None));

        var kept = await store.GetCaseAsync(c.Id, None);
        Assert.Equal((c.Id, c.AccountId, c.Disposition, c.OpenedAt, c.OpenedBy), (kept!.Id, kept.AccountId, kept.Disposition, kept.OpenedAt, kept.OpenedBy));
        Assert.Equal(c.Steps, kept.Steps);
        Assert.Equal([entry], await store.GetCaseAuditAsync(c.Id, None));
    }

    [Fact]
    public async Task Update_WritesTheChangeAndAppendsItsEntries_ThenTheClosingStepClosesIt()
    {
        var store = CreateStore(Options);
        var (c, entry) = Close();
        await store.OpenCaseAsync(c, [entry], None);

        var notice = Notice(c, "op");
        Assert.True(await store.UpdateCaseAsync(notice, None));
        var closed = CaseSteps.Record(notice.After, new StepRecord(CaseStepKind.AccountClosed, T, "op", T)).Change!;
        Assert.True(await store.UpdateCaseAsync(closed, None));
        var filed = CaseSteps.Record(closed.After, new StepRecord(CaseStepKind.Filed, T, "chief", T) { Reference = "备案-17" }).Change!;
        Assert.True(await store.UpdateCaseAsync(filed, None));

        var kept = await store.GetCaseAsync(c.Id, None);
        Assert.Equal(T, kept!.ClosedAt);
        Assert.Equal(("https://weibo.example.cn/notice", "已发停更公告", "op"), (kept.Step(CaseStepKind.Notice)!.Link, kept.Step(CaseStepKind.Notice)!.Note, kept.Step(CaseStepKind.Notice)!.DoneBy));
        Assert.Equal("备案-17", kept.Step(CaseStepKind.Filed)!.Reference);
        var trail = await store.GetCaseAuditAsync(c.Id, None);
        Assert.Equal([CaseAction.Opened, CaseAction.StepDone, CaseAction.StepDone, CaseAction.StepDone, CaseAction.Closed], trail.Select(e => e.Action));
        Assert.Equal([null, CaseStepKind.Notice, CaseStepKind.AccountClosed, CaseStepKind.Filed, null], trail.Select(e => e.Step));
        Assert.Equal(["op", "op", "op", "chief", "chief"], trail.Select(e => e.By));
    }

    [Fact]
    public async Task Update_FromAStaleCase_IsRefused_AndAnUnknownCaseIsNotCreated()
    {
        var store = CreateStore(Options);
        var (c, entry) = Close();
        await store.OpenCaseAsync(c, [entry], None);
        Assert.True(await store.UpdateCaseAsync(Notice(c, "a"), None));

        Assert.False(await store.UpdateCaseAsync(Notice(c, "b"), None));
        Assert.Equal("a", (await store.GetCaseAsync(c.Id, None))!.Step(CaseStepKind.Notice)!.DoneBy);

        var (other, _) = Close("dh-nync");
        Assert.False(await store.UpdateCaseAsync(Notice(other, "a"), None));
        Assert.Null(await store.GetCaseAsync(other.Id, None));
        Assert.Empty(await store.GetCaseAuditAsync(other.Id, None));
    }

    [Fact]
    public async Task ConcurrentRecords_OfOneStep_GiveExactlyOne()
    {
        var store = CreateStore(Options);
        var (c, entry) = Close();
        await store.OpenCaseAsync(c, [entry], None);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.UpdateCaseAsync(Notice(c, $"op{i}"), None))));

        Assert.Single(results, r => r);
        Assert.Equal(2, (await store.GetCaseAuditAsync(c.Id, None)).Count);
    }

    [Fact]
    public async Task GetCases_ListsEveryCase_NewestOpenedFirst()
    {
        var store = CreateStore(Options);
        foreach (var (account, days) in new[] { ("dh-old", 5.0), ("dh-new", 1.0), ("dh-mid", 3.0) })
        {
            var (c, entry) = Close(account, days);
            await store.OpenCaseAsync(c, [entry], None);
        }

        Assert.Equal(["dh-new", "dh-mid", "dh-old"], (await store.GetCasesAsync(None)).Select(c => c.AccountId));
    }
}
