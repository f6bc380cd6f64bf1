using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Worklist;

/// <summary>One week of the pass-rate trend: the Monday it starts (matrix zone), accounts judged and qualified.</summary>
public sealed record WeekPassRate(DateOnly Monday, int Judged, int Qualified)
{
    /// <summary>合格率 of the accounts judged that week; null when none was (no record, or every one unknown).</summary>
    public double? Rate => Judged == 0 ? null : (double)Qualified / Judged;
}

/// <summary>
/// The matrix's pass rate (合格率) week by week, from the stored evaluations: each account counts once a week, by its last
/// record in that week (Monday to Sunday in the matrix's zone); unknown verdicts count for neither side, as in the
/// bulletin. A week without records has no rate, never 0 %: the chart shows a gap, not a collapse.
/// </summary>
public static class PassRateTrend
{
    public static IReadOnlyList<WeekPassRate> Weekly(IEnumerable<EvaluationRecord> records, DateTimeOffset now, TimeZoneInfo zone, int weeks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstMonday = thisMonday.AddDays(-7 * (weeks - 1));
        var last = new Dictionary<(int Week, string Account), EvaluationRecord>();
        foreach (var record in records)
        {
            if (record.At > now)
                continue;
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(record.At, zone).DateTime);
            var week = (day.DayNumber - firstMonday.DayNumber) / 7;
            if (day < firstMonday || week >= weeks)
                continue;
            var key = (week, record.AccountId);
            if (!last.TryGetValue(key, out var kept) || record.At > kept.At)
                last[key] = record;
        }

        var result = new WeekPassRate[weeks];
        for (var w = 0; w < weeks; w++)
        {
            var judged = last.Where(kv => kv.Key.Week == w && kv.Value.Verdict != Verdict.Unknown).Select(kv => kv.Value).ToList();
            result[w] = new WeekPassRate(firstMonday.AddDays(7 * w), judged.Count, judged.Count(r => r.Verdict == Verdict.Qualified));
        }

        return result;
    }
}
