using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Notifications;

/// <summary>What an evaluation round does with its evaluations, for tests that drive the notices without a whole round:
/// the alert rules against the stored open alerts and poll states, then the changes applied (and the listeners told).</summary>
internal static class AlertRaise
{
    public static async Task<AlertChanges> RaiseAsync(this AlertService alerts, IAlertStore store, IPostStore posts, IReadOnlyList<Evaluation> evaluations, DateTimeOffset at)
    {
        var open = await store.GetOpenAlertsAsync(CancellationToken.None);
        var polls = await posts.GetPollStatesAsync([.. evaluations.Select(e => e.AccountId)], CancellationToken.None);
        var found = AlertRules.Evaluate(open, [.. evaluations.Select(e => new AccountStanding(e, polls.GetValueOrDefault(e.AccountId)))], [], at, new AlertOptions());
        return await alerts.ApplyAsync(found, at, CancellationToken.None);
    }
}
