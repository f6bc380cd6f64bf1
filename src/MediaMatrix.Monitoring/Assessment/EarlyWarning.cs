using MediaMatrix.Monitoring.Calendar;

namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// 预警 (domain.md rule 8): warn when the veto would strike within the pack's calendar-day threshold, or within its
/// working days — today included, the day it strikes not, holidays and make-up working days from the calendar —,
/// whichever comes first, so a nine-day Spring Festival break cannot swallow the warning. The veto itself stays in
/// calendar days, as the rules say.
/// </summary>
public sealed record EarlyWarning(int Days, int? WorkingDays, IReadOnlyList<Reason> Reasons)
{
    public static EarlyWarning? At(LastUpdate? last, DateTimeOffset now, TimeZoneInfo zone, AssessmentOptions options)
    {
        if (last is not { } update)
            return null;

        var vetoAt = update.At + options.VetoWindow;
        var byCalendarDays = now - update.At >= options.EarlyWarningAfter;
        WorkingDayCount? working = null;
        if (options.EarlyWarningWorkingDays > 0)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            var vetoDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(vetoAt, zone).DateTime);
            working = options.Calendar.Count(today, vetoDay);
        }

        var byWorkingDays = working is { } w && w.WorkingDays <= options.EarlyWarningWorkingDays;
        if (!byCalendarDays && !byWorkingDays)
            return null;

        var days = (int)Math.Ceiling((vetoAt - now).TotalDays);
        List<Reason> reasons = [Assessment.Reasons.VetoSoon(days, working, update with { At = TimeZoneInfo.ConvertTime(update.At, zone) }, now)];
        if (working is { YearsWithoutData.Count: > 0 } gap)
            reasons.Add(Assessment.Reasons.CalendarMissing(gap.YearsWithoutData));
        return new EarlyWarning(days, working?.WorkingDays, reasons);
    }
}
