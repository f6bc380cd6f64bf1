using System.Globalization;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Alerts;

/// <summary>
/// The alert rules, pure: the open alerts are the previous state (an alert is a stored state change, style habit 12),
/// the evaluations and task standings the current one. A condition that holds with no open alert in its slot opens one;
/// an open alert whose condition no longer holds resolves itself. A condition that cannot be judged (an unknown verdict
/// for the rubric's kinds, no poll yet for collection's) leaves its alert as it is, and so does an account or task that
/// is not in this run (the daily spot check evaluates only a sample). A platform incident (<see cref="PlatformIncidents"/>)
/// holds back the collection alerts of the accounts it covers: for them this run cannot tell the account from the platform.
/// </summary>
public static class AlertRules
{
    private static readonly AlertKind[] AccountKinds =
    [
        AlertKind.BecameUnqualified, AlertKind.BecameWeak, AlertKind.Zombie, AlertKind.EarlyWarning,
        AlertKind.ExtractionBroken, AlertKind.CollectionDown,
    ];

    public static AlertChanges Evaluate(
        IReadOnlyCollection<Alert> open,
        IReadOnlyList<AccountStanding> accounts,
        IReadOnlyList<TaskStanding> tasks,
        DateTimeOffset now,
        AlertOptions options,
        IReadOnlyList<CleanupCase>? cases = null,
        IReadOnlyDictionary<string, string>? labels = null,
        IReadOnlyList<CollectionStanding>? collection = null)
    {
        var bySlot = open.Where(a => a.IsOpen).GroupBy(a => a.Slot, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.OpenedAt).First(), StringComparer.Ordinal);
        var opened = new List<Alert>();
        var resolved = new List<Alert>();

        void Apply(AlertKind kind, string subject, bool? holds, Func<Alert> create)
        {
            var current = bySlot.GetValueOrDefault(Alert.SlotOf(kind, subject));
            if (holds == true && current is null)
                opened.Add(create());
            else if (holds == false && current is not null)
                resolved.Add(current with { Status = AlertStatus.Resolved, ResolvedAt = now });
        }

        // Every account of the matrix, not only this run's sample: an outage is the platform's whichever accounts were drawn.
        var platforms = collection is null ? [] : PlatformIncidents.Judge(collection, open, now, options);
        var heldBack = platforms.SelectMany(p => p.HeldBack).ToHashSet(StringComparer.Ordinal);
        foreach (var platform in platforms)
            Apply(AlertKind.PlatformIncident, PlatformIncidents.Subject(platform.Platform), platform.Holds, () => PlatformIncidents.Open(platform, now));

        foreach (var standing in accounts)
        {
            var id = standing.Evaluation.AccountId;
            foreach (var kind in AccountKinds)
            {
                var holds = kind is AlertKind.ExtractionBroken or AlertKind.CollectionDown && heldBack.Contains(id) ? null : Holds(kind, standing, now, options);
                Apply(kind, id, holds, () => AccountAlert(kind, standing, now, labels));
            }
        }

        foreach (var standing in tasks)
        {
            var task = standing.Task;

            // A task long past its deadline is no longer watched: its overdue alert stays for an operator to close.
            if (now - task.Deadline > options.TaskLookback)
                continue;

            var missing = standing.Missing.Count > 0;
            Apply(AlertKind.TaskOverdue, task.Id, task.Deadline <= now && missing,
                () => TaskAlert(AlertKind.TaskOverdue, standing, now, labels));
            Apply(AlertKind.TaskReminder, task.Id, task.Deadline > now && task.Deadline - now <= options.ReminderLead && missing,
                () => TaskAlert(AlertKind.TaskReminder, standing, now, labels));
        }

        // One alert per case while any of its steps is overdue (or its re-check failed); it resolves itself once none is,
        // or the case is closed or superseded.
        foreach (var c in cases ?? [])
        {
            var overdue = CaseSteps.OverdueAt(c, now);
            Apply(AlertKind.CaseOverdue, c.Id, overdue.Count > 0, () => CaseAlert(c, overdue, now, labels));
        }

        return opened.Count == 0 && resolved.Count == 0 ? AlertChanges.None : new AlertChanges(opened, resolved);
    }

    /// <summary>True: the condition holds; false: it does not; null: this run cannot tell.</summary>
    private static bool? Holds(AlertKind kind, AccountStanding standing, DateTimeOffset now, AlertOptions options)
    {
        var e = standing.Evaluation;
        var judged = e.Verdict != Verdict.Unknown;
        return kind switch
        {
            AlertKind.BecameUnqualified => judged ? e.Verdict == Verdict.Unqualified : null,
            AlertKind.BecameWeak => judged ? e.Weak : null,
            AlertKind.Zombie => judged ? e.Zombie : null,
            AlertKind.EarlyWarning => judged ? e.VetoInDays is not null : null,
            AlertKind.ExtractionBroken => standing.Poll is null ? null : ExtractionHealth.IsBroken(standing.Poll, options.ExtractionBrokenAfter),
            AlertKind.CollectionDown => standing.Poll?.LastAttemptAt is null
                ? null
                : !judged && (standing.Poll.LastSuccessAt is not { } success || now - success > options.CollectionDownAfter),
            _ => null,
        };
    }

    // Titles name the account as people do (name · unit, AccountLabel); the id stays in the alert's subject and key.
    private static Alert AccountAlert(AlertKind kind, AccountStanding standing, DateTimeOffset now, IReadOnlyDictionary<string, string>? labels)
    {
        var e = standing.Evaluation;
        var id = e.AccountId;
        var name = AccountLabel.Of(labels, id);
        var reason = e.Reasons.Count > 0 ? e.Reasons[0] : null;
        var (zh, en) = kind switch
        {
            AlertKind.BecameUnqualified => ($"{name} 检查不合格" + (reason is null ? "" : $"：{reason.Zh}"),
                $"{name} became unqualified" + (reason is null ? "" : $": {reason.En}")),
            AlertKind.BecameWeak => ($"{name} 弱运营：连续多次得分偏低", $"{name} became weak: score low for several evaluations"),
            AlertKind.Zombie => ($"{name} 僵尸账号：长期未更新", $"{name} is a zombie: no post in the long-term window"),
            AlertKind.EarlyWarning => ($"{name} 预警：{e.VetoInDays} 天后将因两周未更新被单项否决",
                $"{name} early warning: two-week veto in {e.VetoInDays} days"),
            AlertKind.ExtractionBroken => ($"{name} 采集规则失效：页面无法解析出发布信息",
                $"{name} extraction broken: the source no longer yields posts"),
            _ => ($"{name} 采集中断：超过 24 小时无法读取", $"{name} collection down: unreadable for over 24 h"),
        };
        return New(kind, id, zh, en, now);
    }

    private static Alert TaskAlert(AlertKind kind, TaskStanding standing, DateTimeOffset now, IReadOnlyDictionary<string, string>? labels)
    {
        var task = standing.Task;
        var missingZh = string.Join("、", standing.Missing.Select(id => AccountLabel.Of(labels, id)));
        var missingEn = string.Join(", ", standing.Missing.Select(id => AccountLabel.Of(labels, id)));
        var deadline = task.Deadline.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
        var (zh, en) = kind == AlertKind.TaskOverdue
            ? ($"任务「{task.Title}」已逾期，未完成：{missingZh}",
                $"Task {task.Id} overdue since {deadline}, missing: {missingEn}")
            : ($"任务「{task.Title}」将于 {deadline} 截止，未完成：{missingZh}",
                $"Task {task.Id} due {deadline}, missing: {missingEn}");
        return New(kind, task.Id, zh, en, now) with { Accounts = standing.Missing };
    }

    private static Alert CaseAlert(CleanupCase c, IReadOnlyList<CaseStep> overdue, DateTimeOffset now, IReadOnlyDictionary<string, string>? labels)
    {
        var name = AccountLabel.Of(labels, c.AccountId);
        var zh = string.Join("、", overdue.Select(s => $"{CaseSteps.StepZh(s.Kind)}（应于 {s.DueAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 前）"));
        var en = string.Join(", ", overdue.Select(s => $"{CaseSteps.StepEn(s.Kind)} (due {s.DueAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})"));
        return New(AlertKind.CaseOverdue, c.Id, $"{name} 清理处置逾期：{zh}", $"{name} cleanup case overdue: {en}", now) with { Accounts = [c.AccountId] };
    }

    private static Alert New(AlertKind kind, string subject, string zh, string en, DateTimeOffset now) =>
        new(Alert.KeyOf(kind, subject, now), kind, subject, AlertKinds.Severity(kind), AlertStatus.Open, zh, en, now);
}
