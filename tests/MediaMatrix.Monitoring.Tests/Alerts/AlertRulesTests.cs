using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Polling;
using static MediaMatrix.Monitoring.Tests.Alerts.AlertCases;

namespace MediaMatrix.Monitoring.Tests.Alerts;

public sealed class AlertRulesTests
{
    private static readonly AlertOptions Options = new();

    private static AlertChanges Run(IReadOnlyCollection<Alert> open, Evaluation evaluation, PollState? poll = null, DateTimeOffset? now = null) =>
        AlertRules.Evaluate(open, [new AccountStanding(evaluation, poll ?? Healthy(evaluation.EvaluatedAt))], [], now ?? evaluation.EvaluatedAt, Options);

    public static TheoryData<string, Evaluation, PollState?, AlertKind[]> Opening => new()
    {
        { "qualified and healthy: nothing", Qualified("a", T0), Healthy(T0), [] },
        { "unqualified", Unqualified("a", T0), Healthy(T0), [AlertKind.BecameUnqualified] },
        { "weak", Qualified("a", T0) with { Weak = true }, Healthy(T0), [AlertKind.BecameWeak] },
        { "zombie (also unqualified)", Unqualified("a", T0) with { Zombie = true }, Healthy(T0), [AlertKind.BecameUnqualified, AlertKind.Zombie] },
        { "veto in 3 days", Qualified("a", T0) with { VetoInDays = 3 }, Healthy(T0), [AlertKind.EarlyWarning] },
        { "one parse failure is not yet broken", Qualified("a", T0), Failing(T0, T0.AddHours(-4), FetchErrorClass.Parse, 1), [] },
        { "two parse failures: extraction broken", Qualified("a", T0), Failing(T0, T0.AddHours(-8), FetchErrorClass.Parse, 2), [AlertKind.ExtractionBroken] },
        { "two empty pages: extraction broken", Qualified("a", T0), Failing(T0, T0.AddHours(-8), FetchErrorClass.Empty, 2), [AlertKind.ExtractionBroken] },
        { "timeouts are not extraction", Qualified("a", T0), Failing(T0, T0.AddHours(-8), FetchErrorClass.Timeout, 5), [] },
        { "unknown, last read exactly 24 h ago: not yet down", Unknown("a", T0), Failing(T0, T0.AddHours(-24), FetchErrorClass.Timeout, 6), [] },
        { "unknown, last read 25 h ago: collection down", Unknown("a", T0), Failing(T0, T0.AddHours(-25), FetchErrorClass.Timeout, 6), [AlertKind.CollectionDown] },
        { "unknown, never read: down at once", Unknown("a", T0), Failing(T0, null, FetchErrorClass.Dns, 1), [AlertKind.CollectionDown] },
        { "unknown, never polled yet: nothing to say", Unknown("a", T0), new PollState(), [] },
    };

    [Theory]
    [MemberData(nameof(Opening))]
    public void Evaluate_FromNoOpenAlerts_OpensTheKindsThatHold(string because, Evaluation evaluation, PollState? poll, AlertKind[] expected)
    {
        var changes = Run([], evaluation, poll);

        Assert.True(expected.SequenceEqual(changes.Opened.Select(a => a.Kind)), because);
        Assert.Empty(changes.Resolved);
    }

    [Fact]
    public void Evaluate_OpenedAlert_CarriesKeySeverityAndBothTitles()
    {
        var alert = Assert.Single(Run([], Unqualified("dh-edu", T0)).Opened);

        Assert.Equal($"became-unqualified:dh-edu:{T0.ToUnixTimeMilliseconds()}", alert.Key);
        Assert.Equal("became-unqualified:dh-edu", alert.Slot);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(AlertStatus.Open, alert.Status);
        Assert.Contains("检查不合格", alert.TitleZh, StringComparison.Ordinal);
        Assert.Contains("no update for two weeks", alert.TitleEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AccountsNotInThisRun_KeepTheirAlerts()
    {
        var open = Run([], Unqualified("dh-edu", T0)).Opened;

        var changes = Run(open, Qualified("dh-hrss", T0.AddDays(1)));

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void Evaluate_TwoOpenInOneSlot_ResolvesTheOldestOnly()
    {
        // Should never happen (the store keeps one per slot), but a hand-edited store must not make the rules resolve twice.
        var first = Assert.Single(Run([], Unqualified("a", T0)).Opened);
        var second = first with { Key = Alert.KeyOf(first.Kind, "a", T0.AddHours(1)), OpenedAt = T0.AddHours(1) };

        var changes = Run([second, first], Qualified("a", T0.AddDays(1)));

        Assert.Equal([first.Key], changes.Resolved.Select(a => a.Key));
    }
}
