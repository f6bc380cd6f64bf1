using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Content;
using MediaMatrix.Monitoring.Rounds;

namespace MediaMatrix.Monitoring.Worklist;

/// <summary>
/// The overview's "today's work" (今日待办): what needs an operator's hand now, most urgent kind first and, within a kind,
/// the oldest (or the nearest veto) first. Pure: the page reads the stores and passes what they hold.
/// </summary>
public static class TodaysWork
{
    public static IReadOnlyList<WorkItem> Of(
        MatrixReport report,
        IReadOnlyList<ContentFinding> findings,
        IReadOnlyList<CleanupCase> cases,
        IReadOnlyList<Alert> openAlerts,
        int warningWorkingDays,
        DateTimeOffset now)
    {
        var names = report.Accounts.ToDictionary(r => r.Account.Id, r => r.Account.Name, StringComparer.Ordinal);
        string Name(string id) => names.GetValueOrDefault(id, id);
        var items = new List<WorkItem>();

        items.AddRange(report.Accounts
            .Where(r => r.Evaluation.Verdict == Verdict.Qualified && r.Evaluation.VetoInWorkingDays is { } left && left <= warningWorkingDays)
            .OrderBy(r => r.Evaluation.VetoInWorkingDays).ThenBy(r => r.Account.Id, StringComparer.Ordinal)
            .Select(r => new WorkItem(WorkKind.VetoSoon, r.Account.Id, r.Account.Name, r.Evaluation.LastPostAt, AccountLink(r.Account.Id))
            {
                WorkingDaysLeft = r.Evaluation.VetoInWorkingDays,
            }));

        items.AddRange(findings
            .Where(f => f.Status == FindingStatus.Proposed && names.ContainsKey(f.AccountId))
            .OrderBy(f => f.FoundAt).ThenBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => new WorkItem(WorkKind.UnconfirmedFinding, f.AccountId, $"{Name(f.AccountId)} · {f.PostTitle}", f.FoundAt, AccountLink(f.AccountId) + "#content-findings")));

        // OverdueAt looks at open cases only.
        items.AddRange(cases
            .SelectMany(c => CaseSteps.OverdueAt(c, now).Select(s => (Case: c, Step: s)))
            .OrderBy(x => x.Step.DueAt).ThenBy(x => x.Case.Id, StringComparer.Ordinal)
            .Select(x => new WorkItem(WorkKind.OverdueStep, x.Case.AccountId, Name(x.Case.AccountId), x.Step.DueAt, "/cleanup#cases") { Step = x.Step }));

        items.AddRange(openAlerts
            .Where(a => a.Status == AlertStatus.Open)
            .OrderBy(a => a.OpenedAt).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new WorkItem(WorkKind.OpenAlert, names.ContainsKey(a.Subject) ? a.Subject : null, a.TitleZh, a.OpenedAt, "/alerts") { Alert = a }));

        return items;
    }

    private static string AccountLink(string id) => "/accounts/" + Uri.EscapeDataString(id);
}
