namespace MediaMatrix.Monitoring.Calendar;

/// <summary>One statutory holiday as a notice states it: its name and its days off (放假调休), both ends inclusive.</summary>
public sealed record Holiday(string Name, string NameEn, DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}

/// <summary>One year of the State Council's holiday notice: the days off and the weekend days worked instead (调休上班).</summary>
public sealed record CalendarYear(int Year, string Source, IReadOnlyList<Holiday> Holidays, IReadOnlyCollection<DateOnly> Workdays);

/// <summary>What counting working days over a span found: how many, which holidays fell in it, and the years the
/// calendar has no notice for (counted as plain Monday–Friday weeks, and said so in the report).</summary>
public sealed record WorkingDayCount(int WorkingDays, IReadOnlyList<Holiday> Holidays, IReadOnlyList<int> YearsWithoutData);

/// <summary>
/// China's working days: Monday to Friday, except the statutory holidays, plus the make-up working days on weekends, from
/// one shipped file a year (config/calendar/cn-*.yaml). Pure and immutable; a year without a file falls back to plain
/// Monday–Friday, and every count says which years it had to guess.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<int, CalendarYear> _years;

    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        _years = [];
        foreach (var year in years)
            _years[year.Year] = year;
    }

    /// <summary>No notices at all: every year is plain Monday–Friday.</summary>
    public static WorkingCalendar Plain { get; } = new([]);

    public IReadOnlyCollection<int> Years => _years.Keys;

    public IEnumerable<CalendarYear> Notices => _years.Values.OrderBy(y => y.Year);

    public bool Knows(int year) => _years.ContainsKey(year);

    /// <summary>The holiday <paramref name="day"/> falls in, if the calendar knows its year and it is one.</summary>
    public Holiday? HolidayOn(DateOnly day) =>
        _years.TryGetValue(day.Year, out var year) ? year.Holidays.FirstOrDefault(h => h.Contains(day)) : null;

    public bool IsWorkingDay(DateOnly day)
    {
        if (_years.TryGetValue(day.Year, out var year))
        {
            if (year.Workdays.Contains(day))
                return true;
            if (year.Holidays.Any(h => h.Contains(day)))
                return false;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>Working days in [<paramref name="from"/>, <paramref name="toExclusive"/>), with the holidays met on the way.</summary>
    public WorkingDayCount Count(DateOnly from, DateOnly toExclusive)
    {
        var count = 0;
        var holidays = new List<Holiday>();
        var missing = new List<int>();
        for (var day = from; day < toExclusive; day = day.AddDays(1))
        {
            if (!_years.ContainsKey(day.Year) && !missing.Contains(day.Year))
                missing.Add(day.Year);
            if (IsWorkingDay(day))
                count++;
            else if (HolidayOn(day) is { } holiday && !holidays.Contains(holiday))
                holidays.Add(holiday);
        }

        return new WorkingDayCount(count, holidays, missing);
    }
}
