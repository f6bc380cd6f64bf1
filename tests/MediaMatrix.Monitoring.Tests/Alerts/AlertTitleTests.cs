using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Decisions;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using static MediaMatrix.Monitoring.Tests.Alerts.AlertCases;

namespace MediaMatrix.Monitoring.Tests.Alerts;

/// <summary>Names people use: an alert title names the account by name and unit (定海农业农村 · 区农业农村局), never by its id
/// alone; the id stays the alert's subject.</summary>
public sealed class AlertTitleTests
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["dh-nync"] = "定海农业农村 · 区农业农村局",
        ["dh-edu"] = "定海教育 · 区教育局",
        ["dh-hrss"] = "定海人社 · 区人力资源和社会保障局",
    };

    public static TheoryData<string, Evaluation, PollState?, AlertKind> AccountKinds => new()
    {
        { "unqualified", Unqualified("dh-nync", T0), Healthy(T0), AlertKind.BecameUnqualified },
        { "weak", Qualified("dh-nync", T0) with { Weak = true }, Healthy(T0), AlertKind.BecameWeak },
        { "zombie", Qualified("dh-nync", T0) with { Zombie = true }, Healthy(T0), AlertKind.Zombie },
        { "early warning", Qualified("dh-nync", T0) with { VetoInDays = 3 }, Healthy(T0), AlertKind.EarlyWarning },
        { "extraction broken", Qualified("dh-nync", T0), Failing(T0, T0.AddHours(-8), FetchErrorClass.Parse, 2), AlertKind.ExtractionBroken },
        { "collection down", Unknown("dh-nync", T0), Failing(T0, null, FetchErrorClass.Dns, 1), AlertKind.CollectionDown },
    };

    [Theory]
    [MemberData(nameof(AccountKinds))]
    public void AccountAlert_TitleStartsWithNameAndUnit_IdStaysTheSubject(string because, Evaluation evaluation, PollState? poll, AlertKind kind)
    {
        var alert = Assert.Single(AlertRules.Evaluate([], [new AccountStanding(evaluation, poll)], [], T0, new AlertOptions(), labels: Labels).Opened, a => a.Kind == kind);

        Assert.True(alert.TitleZh.StartsWith("定海农业农村 · 区农业农村局 ", StringComparison.Ordinal), $"{because}: {alert.TitleZh}");
        Assert.True(alert.TitleEn.StartsWith("定海农业农村 · 区农业农村局 ", StringComparison.Ordinal), $"{because}: {alert.TitleEn}");
        Assert.DoesNotContain("dh-nync", alert.TitleZh, StringComparison.Ordinal);
        Assert.Equal("dh-nync", alert.Subject);
    }

    [Fact]
    public void TaskAlert_NamesTheMissingAccountsByNameAndUnit()
    {
        var task = AlertCases.Task("t-1", T0.AddHours(-1));

        var alert = Assert.Single(AlertRules.Evaluate([], [], [new TaskStanding(task, ["dh-edu", "dh-hrss"])], T0, new AlertOptions(), labels: Labels).Opened);

        Assert.EndsWith("未完成：定海教育 · 区教育局、定海人社 · 区人力资源和社会保障局", alert.TitleZh, StringComparison.Ordinal);
        Assert.Equal(["dh-edu", "dh-hrss"], alert.Accounts); // ids for the machine
    }

    [Fact]
    public void CaseAlert_NamesTheAccountByNameAndUnit()
    {
        var decided = new DateTimeOffset(2026, 10, 10, 9, 0, 0, TimeSpan.FromHours(8));
        var c = CaseSteps.Open(Decision.Confirm("dh-nync", DispositionKind.Close, "确认", "op", decided), new Disposition(DispositionKind.Close, null, null, []), new CaseOptions())!;

        var alert = Assert.Single(AlertRules.Evaluate([], [], [], decided.AddDays(16), new AlertOptions(), [c], Labels).Opened);

        Assert.StartsWith("定海农业农村 · 区农业农村局 清理处置逾期", alert.TitleZh, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAccountTheLabelsDoNotKnow_IsNamedByItsId()
    {
        var alert = Assert.Single(AlertRules.Evaluate([], [new AccountStanding(Unqualified("dh-new", T0), Healthy(T0))], [], T0, new AlertOptions(), labels: Labels).Opened);

        Assert.StartsWith("dh-new 检查不合格", alert.TitleZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_IsNameAndUnit()
    {
        var account = new Account("dh-nync", "定海农业农村", Platform.Wechat, Tier.Member, "区农业农村局", new Source(SourceKind.Feed, new Uri("https://example.org/feed")));

        Assert.Equal("定海农业农村 · 区农业农村局", AccountLabel.Of(account));
        Assert.Equal("定海农业农村", AccountLabel.Of(account with { Department = "" }));
    }
}
