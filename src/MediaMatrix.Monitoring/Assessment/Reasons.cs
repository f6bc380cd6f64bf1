using System.Globalization;

namespace MediaMatrix.Monitoring.Assessment;

/// <summary>Every reason an evaluation can give, worded once, Chinese first.</summary>
public static class Reasons
{
    public static Reason NoPostInVetoWindow(TimeSpan window, LastUpdate? lastUpdate, DateTimeOffset now)
    {
        var days = Days(window);
        if (lastUpdate is not { } last)
        {
            return new Reason("veto-no-update",
                $"单项否决：监测时间点前{days}天内无更新（未采集到任何已发布信息）",
                $"Single veto: no update in the {days} days before the check (no dated post found at all)");
        }

        var silent = (int)(now - last.At).TotalDays;
        return new Reason("veto-no-update",
            $"单项否决：监测时间点前{days}天内无更新（最近一次更新在{silent}天前，{Format(last)}）",
            $"Single veto: no update in the {days} days before the check (last post {silent} days ago, {FormatEn(last)})");
    }

    public static Reason ManualVeto(ManualFinding finding) => new("veto-manual",
        $"单项否决：人工检查发现问题（{FindingKinds.Zh(finding.Kind)}，自{Format(finding.From)}起）：{finding.Text}",
        $"Single veto: manual finding ({FindingKinds.En(finding.Kind)}, since {Format(finding.From)}): {finding.Text}");

    public static Reason VetoSoon(int days, LastUpdate last, DateTimeOffset now) => VetoSoon(days, null, last, now);

    /// <summary>The early warning, with the working days left and the holidays in the way when the calendar counted them.</summary>
    public static Reason VetoSoon(int days, Calendar.WorkingDayCount? working, LastUpdate last, DateTimeOffset now)
    {
        var ago = (int)(now - last.At).TotalDays;
        var zh = $"预警：最近一次更新在{ago}天前{(last.DateOnly ? $"（{Format(last)}）" : string.Empty)}，如不更新，{days}天后将被单项否决";
        var en = $"Early warning: last post {ago} days ago{(last.DateOnly ? $" ({FormatEn(last)})" : string.Empty)}; without an update the single veto strikes in {days} days";
        if (working is { } w)
        {
            var holidays = w.Holidays.Count == 0 ? "" : $"（含{string.Join("、", w.Holidays.Select(h => h.Name))}假期）";
            var holidaysEn = w.Holidays.Count == 0 ? "" : $" ({string.Join(", ", w.Holidays.Select(h => h.NameEn))} in between)";
            zh += $"，仅剩{w.WorkingDays}个工作日{holidays}";
            en += $", only {w.WorkingDays} working days away{holidaysEn}";
        }

        return new Reason("warning-veto-soon", zh, en);
    }

    /// <summary>The calendar had no notice for a year the warning counted over: it counted plain Monday–Friday weeks.</summary>
    public static Reason CalendarMissing(IReadOnlyList<int> years) => new("calendar-missing",
        $"提示：节假日安排未收录{string.Join("、", years)}年，工作日按周一至周五计算",
        $"Note: no holiday notice for {string.Join(", ", years)}; working days counted as Monday to Friday");

    // A date-only post shows its day and says how it was counted, never a made-up 23:59 or 00:00.
    private static string Format(LastUpdate last) =>
        last.DateOnly ? last.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "，仅有日期，按当日结束计" : Format(last.At);

    private static string FormatEn(LastUpdate last) =>
        last.DateOnly ? last.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ", date only, counted as the end of that day" : Format(last.At);

    public static Reason NeverRead(string? lastError) => new("collection-never-read",
        $"数据不足：采集源尚未成功读取{Detail(lastError)}",
        $"Insufficient data: the source has never been read successfully{DetailEn(lastError)}");

    public static Reason NotReadRecently(DateTimeOffset lastSuccess, TimeSpan freshness, string? lastError)
    {
        var hours = freshness.TotalHours.ToString("0", CultureInfo.InvariantCulture);
        return new Reason("collection-stale",
            $"数据不足：采集源已超过{hours}小时未成功读取（上次成功 {Format(lastSuccess)}）{Detail(lastError)}",
            $"Insufficient data: the source has not been read successfully for over {hours} h (last success {Format(lastSuccess)}){DetailEn(lastError)}");
    }

    public static Reason ExtractionFailing(string? lastError) => new("collection-extraction",
        $"数据不足：页面已读取但未能提取发布信息，可能是页面改版{Detail(lastError)}",
        $"Insufficient data: the page was read but no posts could be extracted, perhaps a layout change{DetailEn(lastError)}");

    public static Reason Cadence(PostCounts counts, double expectedPerWeek)
    {
        var expected = expectedPerWeek.ToString("0.#", CultureInfo.InvariantCulture);
        return new Reason("cadence",
            $"近7天发布{counts.Last7d}条、近30天{counts.Last30d}条（应每周至少{expected}条）",
            $"{counts.Last7d} posts in the last 7 days, {counts.Last30d} in 30 days (expected at least {expected} a week)");
    }

    public static Reason LongestGap(TimeSpan gap, TimeSpan window, int posts) => new("longest-gap",
        $"近{Days(window)}天发布{posts}条，最长连续未更新{Days(gap)}天",
        $"{posts} posts in the last {Days(window)} days; longest silence {Days(gap)} days");

    public static Reason Tasks(TaskTally tally) => new("tasks",
        $"集群协同任务：分派{tally.Assigned}项，完成{tally.Completed}项，按时完成{tally.OnTime}项",
        $"Cluster tasks: {tally.Assigned} assigned, {tally.Completed} completed, {tally.OnTime} on time");

    public static Reason Renormalised(IReadOnlyList<ScorePart> parts)
    {
        var zh = new List<string>(2);
        var en = new List<string>(2);
        foreach (var part in parts)
        {
            if (part.Counted)
            {
                continue;
            }

            zh.Add("集群协同任务（期内无分派任务）");
            en.Add("cluster tasks (none assigned in the window)");
        }

        return new Reason("renormalised",
            $"未计入：{string.Join("、", zh)}；其余部分权重按比例重新分配",
            $"Not counted: {string.Join("; ", en)}; the other parts' weights are scaled up in proportion");
    }

    public static Reason Smoothed(double raw, double published) => new("smoothed",
        $"本次得分{Score(raw)}，综合近期检查后公布得分{Score(published)}",
        $"This check scores {Score(raw)}; smoothed over recent checks the published score is {Score(published)}");

    public static Reason Weak(StabilityOptions options) => new("weak",
        $"弱运营账号：连续{options.ConsecutiveEvaluations}次检查得分低于{Score(options.WeakThreshold)}分，尚未连续{options.ConsecutiveEvaluations}次达到{Score(options.WeakThreshold + options.RecoveryMargin)}分",
        $"Weak account: {options.ConsecutiveEvaluations} checks in a row scored below {Score(options.WeakThreshold)}, and not yet {options.ConsecutiveEvaluations} in a row at {Score(options.WeakThreshold + options.RecoveryMargin)} or more");

    public static Reason Zombie(TimeSpan window) => new("zombie",
        $"僵尸账号：近{Days(window)}天无任何更新",
        $"Zombie account: no post at all in the last {Days(window)} days");

    public static Reason Dormant(TimeSpan window, int posts, int max) => new("dormant",
        $"休眠账号：近{Days(window)}天仅更新{posts}条（不超过{max}条）",
        $"Dormant account: only {posts} posts in the last {Days(window)} days (at most {max})");

    public static Reason CloseProposed() => new("close",
        "建议注销关停：长期未更新，已不具备运营能力",
        "Proposed: close. Silent for so long that nobody runs it");

    public static Reason MergeProposed(string? into) => new("merge",
        $"建议归集整合{(into is null ? "到主账号或同领域账号" : $"到 {into}")}",
        $"Proposed: merge into {into ?? "the head or a same-field account"}");

    /// <summary>Why merge: overlap with another account of the same unit (same platform first), or nobody running it.</summary>
    public static Reason MergeBecause(Matrix.Account? overlapping) => overlapping is { } other
        ? new Reason("merge-overlap", $"弱运营，且与同单位账号“{other.Name}”（{Matrix.Platforms.Zh(other.Platform)}）面向同一受众", $"Weak, and overlapping {other.Name} ({Matrix.Platforms.En(other.Platform)}) of the same unit, for the same audience")
        : new Reason("merge-inactive", "弱运营且近期无更新，无人维护", "Weak, and not recently active: nobody runs it");

    /// <summary>The dormancy tier the silence reached (the pack's <c>dormancy</c>), for the cleanup board and the bulletin.</summary>
    public static Reason DormantSilent(TimeSpan silence, TimeSpan line) => new("dormant",
        $"休眠账号：已{Days(silence)}天未更新（达到{Days(line)}天）",
        $"Dormant account: no update for {Days(silence)} days (the line is {Days(line)})");

    public static Reason RectifyProposed(DateTimeOffset deadline, bool weak, bool head) => new("rectify",
        $"建议限期整改，{Format(deadline)}前完成：{(weak ? (head ? "主账号弱运营，不宜归集" : "弱运营但仍在更新或有一定关注度") : "本次检查不合格")}",
        $"Proposed: rectify by {Format(deadline)}. {(weak ? (head ? "The head account is weak and cannot be merged" : "Weak but still publishing or followed") : "Unqualified at this check")}");

    public static Reason RetainProposed() => new("retain", "建议保留：运营正常", "Proposed: retain. Operating normally");

    public static Reason RetainWatched(StabilityOptions options) => new("retain-watch",
        $"建议保留，持续关注：本次得分低于{Score(options.WeakThreshold)}分，连续{options.ConsecutiveEvaluations}次将认定为弱运营",
        $"Proposed: retain, and watch. This check scores below {Score(options.WeakThreshold)}; {options.ConsecutiveEvaluations} in a row make it a weak account");

    private static string Days(TimeSpan span) => span.TotalDays.ToString("0", CultureInfo.InvariantCulture);

    private static string Ratio(double ratio) => ratio.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Score(double score) => score.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Format(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static string Detail(string? error) => error is null ? string.Empty : $"：{error}";

    private static string DetailEn(string? error) => error is null ? string.Empty : $": {error}";
}
