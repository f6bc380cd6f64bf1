using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using static MediaMatrix.Monitoring.Tests.Alerts.AlertCases;

namespace MediaMatrix.Monitoring.Tests.Alerts;

/// <summary>平台采集异常: one incident when a platform, not each department, is failing; the accounts' own collection alerts
/// held back while it is open; resolved when reads succeed again.</summary>
public sealed class PlatformIncidentTests
{
    private static readonly AlertOptions Options = new();

    private static readonly Account Fabu = Member("dh-fabu", "定海发布", Platform.Weibo, "区委宣传部");
    private static readonly Account Police = Member("dh-police", "平安定海", Platform.Weibo, "公安分局");
    private static readonly Account Yjgl = Member("dh-yjgl", "定海应急", Platform.Weibo, "区应急管理局");
    private static readonly Account Fourth = Member("dh-fourth", "定海第四", Platform.Weibo, "区档案馆");
    private static readonly Account Edu = Member("dh-edu-dy", "定海教育发布", Platform.Douyin, "区教育局");
    private static readonly Account Wlty = Member("dh-wlty", "定海文旅", Platform.Douyin, "区文化和广电旅游体育局");

    private static PollState Blocked(DateTimeOffset at) => Failing(at, null, FetchErrorClass.Blocked, 1);

    public static TheoryData<string, (Account Account, PollState? Poll)[], Platform[]> Opening => new()
    {
        { "2 of 3 blocked: incident", [(Fabu, Blocked(T0)), (Police, Blocked(T0)), (Yjgl, Healthy(T0))], [Platform.Weibo] },
        { "3 of 3 blocked: incident", [(Fabu, Blocked(T0)), (Police, Blocked(T0)), (Yjgl, Blocked(T0))], [Platform.Weibo] },
        { "1 of 3 blocked: the account's own problem", [(Fabu, Blocked(T0)), (Police, Healthy(T0)), (Yjgl, Healthy(T0))], [] },
        { "2 of 4 (exactly half): incident", [(Fabu, Blocked(T0)), (Police, Blocked(T0)), (Yjgl, Healthy(T0)), (Fourth, Healthy(T0))], [Platform.Weibo] },
        { "2 accounts on a platform, both blocked: never", [(Edu, Blocked(T0)), (Wlty, Blocked(T0))], [] },
        { "2 of 3 fail, mixed classes: no pattern", [(Fabu, Blocked(T0)), (Police, Failing(T0, null, FetchErrorClass.Timeout, 1)), (Yjgl, Healthy(T0))], [] },
        { "2 of 3 timeouts: incident whatever the class", [(Fabu, Failing(T0, T0.AddHours(-2), FetchErrorClass.Timeout, 3)), (Police, Failing(T0, null, FetchErrorClass.Timeout, 1)), (Yjgl, Healthy(T0))], [Platform.Weibo] },
        { "second failure outside the 6 h window", [(Fabu, Blocked(T0)), (Police, Blocked(T0.AddHours(-7))), (Yjgl, Healthy(T0))], [] },
        { "second failure just inside the window", [(Fabu, Blocked(T0)), (Police, Blocked(T0.AddHours(-6))), (Yjgl, Healthy(T0))], [Platform.Weibo] },
        { "not polled yet counts as not failing", [(Fabu, Blocked(T0)), (Police, null), (Yjgl, new PollState())], [] },
        { "2 of 3 on weibo, 2 of 2 on douyin: weibo only", [(Fabu, Blocked(T0)), (Police, Blocked(T0)), (Yjgl, Healthy(T0)), (Edu, Blocked(T0)), (Wlty, Blocked(T0))], [Platform.Weibo] },
    };

    [Theory]
    [MemberData(nameof(Opening))]
    public void Evaluate_FromNoOpenAlerts_OpensAnIncidentWhenHalfOfThreeOrMoreFailAlike(string because, (Account Account, PollState? Poll)[] accounts, Platform[] expected)
    {
        var changes = Run([], T0, accounts);

        Assert.True(expected.SequenceEqual(Incidents(changes.Opened).Select(a => PlatformIncidents.PlatformOf(a)!.Value)), because);
    }

    [Fact]
    public void Incident_NamesTheAccountsByNameAndUnit_AndHoldsBackTheirCollectionAlerts()
    {
        // Never read and unknown: without the incident each would open collection-down at once.
        var changes = Run([], T0, (Fabu, Blocked(T0)), (Police, Blocked(T0)), (Yjgl, Healthy(T0)));

        var incident = Assert.Single(changes.Opened);
        Assert.Equal(AlertKind.PlatformIncident, incident.Kind);
        Assert.Equal("platform-incident:weibo", incident.Slot);
        Assert.Equal(["dh-fabu", "dh-police"], incident.Accounts);
        Assert.StartsWith("微博平台采集异常：3 个账号中 2 个读取失败", incident.TitleZh, StringComparison.Ordinal);
        Assert.Contains("定海发布 · 区委宣传部（dh-fabu）、平安定海 · 公安分局（dh-police）", incident.TitleZh, StringComparison.Ordinal);
        Assert.StartsWith("Platform collection incident on Weibo: 2 of 3 accounts fail (blocked by the platform", incident.TitleEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Incident_StaysOpenWhileTheBlockLasts_EvenWhenTheFailuresAgeOutOfTheWindow()
    {
        var incident = Assert.Single(Run([], T0, (Fabu, Blocked(T0)), (Police, Blocked(T0)), (Yjgl, Blocked(T0))).Opened);

        // Ten hours on, backed off and not retried since: the failure is still the platform's, and still held back.
        var later = T0.AddHours(10);
        var changes = Run([incident], later, (Fabu, Blocked(T0)), (Police, Blocked(T0)), (Yjgl, Blocked(T0)));

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void Incident_WithOneOfThreeReadAgain_StaysOpen()
    {
        var incident = Assert.Single(Run([], T0, (Fabu, Blocked(T0)), (Police, Blocked(T0)), (Yjgl, Blocked(T0))).Opened);

        var changes = Run([incident], T0.AddHours(1), (Fabu, Healthy(T0.AddHours(1))), (Police, Blocked(T0)), (Yjgl, Blocked(T0)));

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void Incident_ResolvesWhenReadsSucceedAgain_WithoutAlertsForTheAccountsThatRecovered()
    {
        var incident = Assert.Single(Run([], T0, (Fabu, Blocked(T0)), (Police, Blocked(T0)), (Yjgl, Blocked(T0))).Opened);
        var back = T0.AddHours(2);

        var changes = Run([incident], back, (Fabu, Healthy(back)), (Police, Healthy(back)), (Yjgl, Healthy(back)));

        Assert.Empty(changes.Opened);
        var resolved = Assert.Single(changes.Resolved);
        Assert.Equal(incident.Key, resolved.Key);
        Assert.Equal(back, resolved.ResolvedAt);
    }

    [Fact]
    public void Incident_Resolved_AnAccountStillFailingOnItsOwn_GetsItsOwnAlert()
    {
        var incident = Assert.Single(Run([], T0, (Fabu, Blocked(T0)), (Police, Blocked(T0)), (Yjgl, Blocked(T0))).Opened);
        var back = T0.AddHours(2);

        // Two of three read again: below half, the platform is back; the one still refused is now its own problem.
        var changes = Run([incident], back, (Fabu, Healthy(back)), (Police, Healthy(back)), (Yjgl, Blocked(back)));

        Assert.Equal([incident.Key], changes.Resolved.Select(a => a.Key));
        var own = Assert.Single(changes.Opened);
        Assert.Equal((AlertKind.CollectionDown, "dh-yjgl"), (own.Kind, own.Subject));
    }

    [Fact]
    public void Incident_AnAccountThatStartsFailingAlikeWhileOpen_IsHeldBackToo()
    {
        var incident = Assert.Single(Run([], T0, (Fabu, Blocked(T0)), (Police, Blocked(T0)), (Yjgl, Healthy(T0)), (Fourth, Healthy(T0))).Opened);

        var changes = Run([incident], T0.AddHours(1), (Fabu, Blocked(T0)), (Police, Blocked(T0)), (Yjgl, Healthy(T0)), (Fourth, Blocked(T0.AddHours(1))));

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void Evaluate_WithoutTheMatrixCollection_LeavesAnOpenIncidentAsItIs()
    {
        var incident = Assert.Single(Run([], T0, (Fabu, Blocked(T0)), (Police, Blocked(T0)), (Yjgl, Blocked(T0))).Opened);

        var changes = AlertRules.Evaluate([incident], [], [], T0.AddHours(1), Options);

        Assert.True(changes.IsEmpty);
    }

    [Theory]
    [InlineData(3, 0.5, 2)]
    [InlineData(4, 0.5, 2)]
    [InlineData(5, 0.5, 3)]
    [InlineData(3, 1.0, 3)]
    public void Threshold_IsAShareOfThePlatformsAccounts(int accounts, double share, int needed)
    {
        var options = Options with { PlatformIncidentShare = share };
        var cast = Enumerable.Range(0, accounts).Select(i => Member($"a{i}", $"账号{i}", Platform.Kuaishou, "区某局")).ToList();
        PollState Poll(int i, int failing) => i < failing ? Blocked(T0) : Healthy(T0);

        bool Opens(int failing) => PlatformIncidents.Judge([.. cast.Select((a, i) => new CollectionStanding(a, Poll(i, failing)))], [], T0, options).Single().Holds;

        Assert.False(Opens(needed - 1));
        Assert.True(Opens(needed));
    }

    [Theory]
    [InlineData("Alerts:PlatformIncidentWindow", 0, 3, 0.5)]
    [InlineData("Alerts:PlatformIncidentMinAccounts", 6, 1, 0.5)]
    [InlineData("Alerts:PlatformIncidentShare", 6, 3, 0)]
    [InlineData("Alerts:PlatformIncidentShare", 6, 3, 1.5)]
    public void Options_OutOfRange_NameTheKey(string key, int windowHours, int minAccounts, double share)
    {
        var options = new AlertOptions { PlatformIncidentWindow = TimeSpan.FromHours(windowHours), PlatformIncidentMinAccounts = minAccounts, PlatformIncidentShare = share };

        var error = Assert.Throws<ArgumentException>(() => options.Validate());

        Assert.StartsWith(key + ":", error.Message, StringComparison.Ordinal);
    }

    private static AlertChanges Run(IReadOnlyCollection<Alert> open, DateTimeOffset now, params (Account Account, PollState? Poll)[] accounts) =>
        AlertRules.Evaluate(open,
            [.. accounts.Select(a => new AccountStanding(a.Poll is { LastSuccessAt: not null } ? Qualified(a.Account.Id, now) : Unknown(a.Account.Id, now), a.Poll))],
            [], now, Options, null, null, [.. accounts.Select(a => new CollectionStanding(a.Account, a.Poll))]);

    private static IEnumerable<Alert> Incidents(IEnumerable<Alert> alerts) => alerts.Where(a => a.Kind == AlertKind.PlatformIncident);

    private static Account Member(string id, string name, Platform platform, string department) =>
        new(id, name, platform, Tier.Member, department, new Source(SourceKind.Feed, new Uri($"https://rsshub.example.gov.cn/{id}")));
}
