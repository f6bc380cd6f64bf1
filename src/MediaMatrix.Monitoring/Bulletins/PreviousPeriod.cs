using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Bulletins;

/// <summary>The previous period's figures, rebuilt from the evaluations the store kept.</summary>
public static class PreviousPeriod
{
    /// <summary>
    /// Each account's last stored evaluation in [start, end) of <paramref name="period"/> stands for that account, as the
    /// bulletin of that period would have seen it at its end. Null when no account has one: "n/a", not zero.
    /// </summary>
    public static PeriodFigures? Figures(BulletinPeriod period, TimeZoneInfo zone, IEnumerable<EvaluationRecord> history)
    {
        var (start, end) = (period.Start(zone), period.End(zone));
        var last = new Dictionary<string, EvaluationRecord>(StringComparer.Ordinal);
        foreach (var record in history)
        {
            if (record.At >= start && record.At < end && (!last.TryGetValue(record.AccountId, out var seen) || record.At > seen.At))
            {
                last[record.AccountId] = record;
            }
        }

        if (last.Count == 0)
        {
            return null;
        }

        int qualified = 0, unqualified = 0, unknown = 0, weak = 0;
        foreach (var record in last.Values)
        {
            qualified += record.Verdict == Verdict.Qualified ? 1 : 0;
            unqualified += record.Verdict == Verdict.Unqualified ? 1 : 0;
            unknown += record.Verdict == Verdict.Unknown ? 1 : 0;
            weak += record.Weak && record.Verdict != Verdict.Unknown ? 1 : 0;
        }

        var judged = qualified + unqualified;
        return new PeriodFigures(last.Count, qualified, unqualified, unknown, judged == 0 ? null : Math.Round((double)qualified / judged, 4), weak);
    }
}
