using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Content;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

/// <summary>What every store promises about content findings: proposed once per rule and post, decided once, a dismissal
/// remembered for good, and a confirmed serious finding recorded as the veto it becomes, in the same write.</summary>
public abstract class ContentFindingStoreContract
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected static readonly DateTimeOffset T = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    protected StoreOptions Options { get; } = new() { KeyPrefix = $"mmtest-{Guid.NewGuid():N}" };

    protected abstract (IContentFindingStore Content, IFindingStore Findings) CreateStores(StoreOptions options);

    protected static ContentFinding Found(string post, string rule = "privacy:id-number", ContentSeverity severity = ContentSeverity.Serious, double hoursAgo = 1) =>
        new(ContentFinding.IdOf("dh-edu", post, rule), "dh-edu", post, rule, FindingKind.PersonalDataLeak, severity, T.AddHours(-hoursAgo))
        {
            PostTitle = "关于2026年助学金名单的公示",
            PostLink = $"https://www.example.gov.cn/art/{post}.html",
            PublishedAt = T.AddDays(-2),
            Before = "张三，身份证号",
            Match = "330102199001011234",
            After = "，家庭住址",
        };

    [Fact]
    public async Task Propose_AddsOnlyWhatIsNew_AndKeepsEveryField()
    {
        var (store, _) = CreateStores(Options);

        var first = await store.ProposeAsync([Found("p1"), Found("p2", hoursAgo: 2)], None);
        var again = await store.ProposeAsync([Found("p1") with { Match = "另一次读到" }, Found("p3", hoursAgo: 0.5)], None);

        Assert.Equal(["p1", "p2"], first.Select(f => f.PostId));
        Assert.Equal("p3", Assert.Single(again).PostId);
        Assert.Equal(Found("p1"), await store.GetContentFindingAsync(Found("p1").Id, None));
        // Newest first.
        Assert.Equal(["p3", "p1", "p2"], (await store.GetContentFindingsAsync(None)).Select(f => f.PostId));
    }

    [Fact]
    public async Task Confirm_ASeriousFinding_RecordsItsVeto_WithThePostAsEvidence()
    {
        var (store, findings) = CreateStores(Options);
        var found = Found("p1");
        await store.ProposeAsync([found], None);

        var result = await store.DecideAsync(found.Id, FindingDecision.Confirm, T, "chief", "", None);

        Assert.Equal(FindingDecisionOutcome.Decided, result.Outcome);
        Assert.Equal(FindingStatus.Confirmed, (await store.GetContentFindingAsync(found.Id, None))!.Status);
        var veto = await findings.GetFindingAsync(found.Id, None);
        Assert.NotNull(veto);
        Assert.True(veto.IsActiveAt(T));
        Assert.Equal((FindingKind.PersonalDataLeak, found.PostLink, "chief"), (veto.Kind, veto.EvidenceUrl, veto.RecordedBy));
        Assert.Contains("330102199001011234", veto.Text, StringComparison.Ordinal);
        Assert.Equal([FindingAction.Proposed, FindingAction.Confirmed], (await findings.GetFindingAuditAsync(found.Id, None)).Select(e => e.Action));
    }

    [Fact]
    public async Task Confirm_AMinorFinding_IsANoticeOnly()
    {
        var (store, findings) = CreateStores(Options);
        var found = Found("p1", "lexicon:an-zhuang", ContentSeverity.Minor);
        await store.ProposeAsync([found], None);

        await store.DecideAsync(found.Id, FindingDecision.Confirm, T, "chief", "", None);

        Assert.Equal(FindingStatus.Confirmed, (await store.GetContentFindingAsync(found.Id, None))!.Status);
        Assert.Null(await findings.GetFindingAsync(found.Id, None));
    }

    [Fact]
    public async Task Dismiss_IsRemembered_TheSameRuleOnTheSamePostIsNeverProposedAgain()
    {
        var (store, findings) = CreateStores(Options);
        var found = Found("p1");
        await store.ProposeAsync([found], None);

        await store.DecideAsync(found.Id, FindingDecision.Dismiss, T, "chief", "公示的是已脱敏的样例号码", None);
        var again = await store.ProposeAsync([Found("p1")], None);

        Assert.Empty(again);
        var kept = await store.GetContentFindingAsync(found.Id, None);
        Assert.Equal((FindingStatus.Dismissed, "chief", "公示的是已脱敏的样例号码"), (kept!.Status, kept.DecidedBy, kept.DecisionNote));
        Assert.Null(await findings.GetFindingAsync(found.Id, None));
    }

    [Fact]
    public async Task Decide_Twice_TheSecondIsRefused_AndAnUnknownIdIsNotFound()
    {
        var (store, _) = CreateStores(Options);
        var found = Found("p1");
        await store.ProposeAsync([found], None);

        var first = await store.DecideAsync(found.Id, FindingDecision.Dismiss, T, "a", "误报", None);
        var second = await store.DecideAsync(found.Id, FindingDecision.Confirm, T, "b", "", None);
        var unknown = await store.DecideAsync("cf-none", FindingDecision.Confirm, T, "b", "", None);

        Assert.Equal((FindingDecisionOutcome.Decided, FindingDecisionOutcome.AlreadyDecided, FindingDecisionOutcome.NotFound),
            (first.Outcome, second.Outcome, unknown.Outcome));
        Assert.Equal("a", second.Finding!.DecidedBy);
    }
}
