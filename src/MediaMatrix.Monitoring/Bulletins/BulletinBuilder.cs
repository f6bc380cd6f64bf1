using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Bulletins;

/// <summary>
/// Turns what was read into a <see cref="Bulletin"/>. Pure: the same inputs make the same bulletin, so a test pins every
/// number without a store or a clock. The headline counts are the evaluation round's summary, so they equal <c>check</c>'s at the same instant.
/// </summary>
public static class BulletinBuilder
{
    public static Bulletin Build(BulletinInputs inputs)
    {
        var report = inputs.Report;
        var s = report.Summary;
        var figures = new BulletinFigures(s.Checked, s.Qualified, s.Unqualified, s.Unknown, s.PassRate, s.Weak, s.Zombie, s.Dormant);
        var accounts = report.Accounts.Select(r => Row(r.Account, r.Evaluation)).ToList();
        var names = report.Accounts.ToDictionary(r => r.Account.Id, r => r.Account.Name, StringComparer.Ordinal);
        var labels = AccountLabel.All(report.Accounts.Select(r => r.Account));
        var departments = report.Accounts.ToDictionary(r => r.Account.Id, r => r.Account.Department, StringComparer.Ordinal);

        var periodStart = inputs.Period.Start(inputs.TimeZone);
        var tasks = inputs.Tasks is { } matrix ? TasksDue(matrix, periodStart) : [];
        var previous = inputs.Period.Previous;
        var change = new PeriodChange(previous, PreviousPeriod.Figures(previous, inputs.TimeZone, inputs.History), figures);
        var year = new YearFigures(
            inputs.Period.Year,
            report.Accounts.Count,
            inputs.PostsThisYear,
            accounts.Count(a => a.Disposition == DispositionKind.Close),
            accounts.Count(a => a.Disposition == DispositionKind.Merge));

        return new Bulletin(
            inputs.Period,
            inputs.MatrixName,
            report.EvaluatedAt,
            figures,
            accounts,
            ByDepartment(inputs.Tasks, tasks, departments),
            [.. tasks.Select(t => Standing(inputs.Tasks!, t, labels))],
            change,
            year)
        {
            Pack = report.Pack,
            Zone = inputs.TimeZone,
            ContentFindings = [.. report.ContentFindings
                .Where(f => f.Status != Content.FindingStatus.Dismissed && f.FoundAt <= report.EvaluatedAt)
                .OrderBy(f => names.GetValueOrDefault(f.AccountId) is null ? 1 : 0)
                .ThenBy(f => f.AccountId, StringComparer.Ordinal)
                .ThenByDescending(f => f.PublishedAt)],
            Cases = CasesOf(inputs.Cases, periodStart, report.EvaluatedAt),
        };
    }

    // A case belongs to the period it was opened or closed in, and to every period it is overdue at the end of; it is
    // shown as it stood at the evaluation instant, so a past bulletin does not change when a step is recorded later.
    private static List<CleanupCase> CasesOf(IReadOnlyList<CleanupCase> all, DateTimeOffset periodStart, DateTimeOffset at) =>
        [.. all.Where(c => c.OpenedAt <= at).Select(c => CaseSteps.AsOf(c, at))
            .Where(c => c.OpenedAt >= periodStart || c.ClosedAt >= periodStart || c.SupersededAt >= periodStart || CaseSteps.OverdueAt(c, at).Count > 0)
            .OrderBy(c => c.OpenedAt).ThenBy(c => c.Id, StringComparer.Ordinal)];

    private static BulletinAccount Row(Account account, Evaluation e) => new(
        account.Id,
        account.Name,
        account.Department,
        account.Platform.ToString().ToLowerInvariant(),
        account.Tier == Tier.Head,
        e.Verdict,
        e.Score,
        e.Grade,
        e.LastPostAt,
        e.Weak && e.Verdict != Verdict.Unknown,
        e.Zombie,
        e.Dormant,
        [.. e.Reasons.Select(r => r.Zh)],
        e.Disposition?.Kind,
        e.Disposition?.Deadline,
        e.Disposition?.MergeInto,
        [.. (e.Disposition?.Reasons ?? []).Select(r => r.Zh)])
    {
        UpdatedAtCheck = e.Evidence?.Newest?.PublishedAt ?? e.LastPostAt,
        UpdatedAtCheckPrecision = e.Evidence?.Newest?.Precision ?? DatePrecision.Time,
        ReasonCodes = [.. e.Reasons.Select(r => r.Code)],
        Dormancy = e.Verdict == Verdict.Unknown ? Dormancy.Active : e.Dormancy,
    };

    // A task belongs to the period its deadline falls in, and only once the deadline has passed: an open task owes nothing yet.
    private static List<ClusterTask> TasksDue(CompletionMatrix matrix, DateTimeOffset periodStart) =>
        [.. matrix.Tasks.Where(t => t.Deadline >= periodStart && t.Deadline <= matrix.At).OrderBy(t => t.Deadline).ThenBy(t => t.Id, StringComparer.Ordinal)];

    private static List<DepartmentTasks> ByDepartment(CompletionMatrix? matrix, List<ClusterTask> tasks, Dictionary<string, string> departments)
    {
        if (matrix is null || tasks.Count == 0)
        {
            return [];
        }

        var order = new List<string>();
        var sums = new Dictionary<string, (int Assigned, int Completed, int OnTime)>(StringComparer.Ordinal);
        foreach (var accountId in matrix.AccountIds)
        {
            var department = departments.GetValueOrDefault(accountId) ?? accountId;
            foreach (var task in tasks)
            {
                if (matrix.Cell(task.Id, accountId) is not { } cell)
                {
                    continue;
                }

                if (!sums.TryGetValue(department, out var sum))
                {
                    order.Add(department);
                }

                sums[department] = (sum.Assigned + 1, sum.Completed + (cell.IsCompleted ? 1 : 0), sum.OnTime + (cell.IsOnTime(task) ? 1 : 0));
            }
        }

        return [.. order.Select(d => new DepartmentTasks(d, sums[d].Assigned, sums[d].Completed, sums[d].OnTime))];
    }

    // Who still owes the task, as people name them (name · unit).
    private static TaskStanding Standing(CompletionMatrix matrix, ClusterTask task, IReadOnlyDictionary<string, string> labels)
    {
        int assigned = 0, completed = 0, onTime = 0;
        foreach (var accountId in matrix.AccountIds)
        {
            if (matrix.Cell(task.Id, accountId) is { } cell)
            {
                assigned++;
                completed += cell.IsCompleted ? 1 : 0;
                onTime += cell.IsOnTime(task) ? 1 : 0;
            }
        }

        var missing = matrix.MissingFor(task.Id).Select(id => AccountLabel.Of(labels, id)).ToList();
        return new TaskStanding(task.Id, task.Title, task.Link?.OriginalString, task.Issued, task.Deadline, assigned, completed, onTime, missing);
    }
}
