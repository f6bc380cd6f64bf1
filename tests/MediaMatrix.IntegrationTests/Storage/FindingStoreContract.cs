using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

/// <summary>What every store promises about manual findings: a finding is kept for good, cleared once with who, when and
/// why, and every change is in its trail in order.</summary>
public abstract class FindingStoreContract
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected static readonly DateTimeOffset T = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    protected StoreOptions Options { get; } = new() { KeyPrefix = $"mmtest-{Guid.NewGuid():N}" };

    protected abstract IFindingStore CreateStore(StoreOptions options);

    protected static ManualFinding Finding(string id, string account = "dh-edu", double recordedHoursAgo = 1) =>
        new(id, account, FindingKind.PersonalDataLeak, "通知附件泄露身份证号码", T.AddDays(-2))
        {
            EvidenceUrl = "https://www.example.gov.cn/art/2026/11/29/1.html",
            RecordedBy = "op",
            RecordedAt = T.AddHours(-recordedHoursAgo),
            Until = T.AddDays(30),
        };

    [Fact]
    public async Task Record_KeepsEveryField_AndRefusesASecondFindingWithTheSameId()
    {
        var store = CreateStore(Options);

        Assert.True(await store.RecordFindingAsync(Finding("f1"), None));
        Assert.False(await store.RecordFindingAsync(Finding("f1") with { Text = "另一条" }, None));

        Assert.Equal(Finding("f1"), await store.GetFindingAsync("f1", None));
        var entry = Assert.Single(await store.GetFindingAuditAsync("f1", None));
        Assert.Equal(new FindingAuditEntry("f1", FindingAction.Recorded, T.AddHours(-1), "op", "通知附件泄露身份证号码"), entry);
    }

    [Fact]
    public async Task Clear_OnceWithItsNote_ASecondClearanceIsRefused_AndTheTrailHasBoth()
    {
        var store = CreateStore(Options);
        await store.RecordFindingAsync(Finding("f1"), None);

        var first = await store.ClearFindingAsync("f1", T, "chief", "已删除并重新发布", None);
        var second = await store.ClearFindingAsync("f1", T.AddMinutes(1), "other", "再次清除", None);

        Assert.Equal(FindingClearanceOutcome.Cleared, first.Outcome);
        Assert.Equal(FindingClearanceOutcome.AlreadyCleared, second.Outcome);
        var kept = await store.GetFindingAsync("f1", None);
        Assert.Equal((T, "chief", "已删除并重新发布"), (kept!.ClearedAt!.Value, kept.ClearedBy, kept.ClearNote));
        Assert.False(kept.IsActiveAt(T));
        Assert.Equal([FindingAction.Recorded, FindingAction.Cleared], (await store.GetFindingAuditAsync("f1", None)).Select(e => e.Action));
    }

    [Fact]
    public async Task Clear_AnUnknownFinding_IsNotFound()
    {
        var store = CreateStore(Options);

        Assert.Equal(FindingClearanceOutcome.NotFound, (await store.ClearFindingAsync("nope", T, "op", "x", None)).Outcome);
        Assert.Null(await store.GetFindingAsync("nope", None));
        Assert.Empty(await store.GetFindingAuditAsync("nope", None));
    }

    [Fact]
    public async Task GetFindings_ListsEveryAccountsFindings_NewestRecordedFirst()
    {
        var store = CreateStore(Options);
        await store.RecordFindingAsync(Finding("old", recordedHoursAgo: 5), None);
        await store.RecordFindingAsync(Finding("new", "dh-wl", recordedHoursAgo: 1), None);
        await store.RecordFindingAsync(Finding("mid", recordedHoursAgo: 3), None);
        await store.ClearFindingAsync("mid", T, "op", "误报", None);

        Assert.Equal(["new", "mid", "old"], (await store.GetFindingsAsync(None)).Select(f => f.Id));
    }

    [Fact]
    public async Task ConcurrentClearances_GiveExactlyOne()
    {
        var store = CreateStore(Options);
        await store.RecordFindingAsync(Finding("f1"), None);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.ClearFindingAsync("f1", T, $"op{i}", "已整改", None))));

        Assert.Single(results, r => r.Outcome == FindingClearanceOutcome.Cleared);
        Assert.Equal(2, (await store.GetFindingAuditAsync("f1", None)).Count);
    }
}
