using System.Globalization;

namespace MediaMatrix.Monitoring.Assessment;

/// <summary>Every reason an evaluation can give, worded once, Chinese first.</summary>
public static class Reasons
{
    public static Reason NoPostInVetoWindow(TimeSpan window, DateTimeOffset? lastPostAt, DateTimeOffset now)
    {
        var days = window.TotalDays.ToString("0", CultureInfo.InvariantCulture);
        if (lastPostAt is not { } last)
        {
            return new Reason("veto-no-update",
                $"单项否决：监测时间点前{days}天内无更新（未采集到任何已发布信息）",
                $"Single veto: no update in the {days} days before the check (no dated post found at all)");
        }

        var silent = (int)(now - last).TotalDays;
        return new Reason("veto-no-update",
            $"单项否决：监测时间点前{days}天内无更新（最近一次更新在{silent}天前，{Format(last)}）",
            $"Single veto: no update in the {days} days before the check (last post {silent} days ago, {Format(last)})");
    }

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

    private static string Format(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static string Detail(string? error) => error is null ? string.Empty : $"：{error}";

    private static string DetailEn(string? error) => error is null ? string.Empty : $": {error}";
}
