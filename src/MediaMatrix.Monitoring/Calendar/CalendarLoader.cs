using System.Globalization;
using MediaMatrix.Monitoring.Matrix;
using YamlDotNet.RepresentationModel;

namespace MediaMatrix.Monitoring.Calendar;

/// <summary>The result of reading calendar files: the years read, or every problem found, each at file:line:column.</summary>
public sealed record CalendarLoadResult(IReadOnlyList<CalendarYear> Years, IReadOnlyList<ConfigError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads holiday calendars (config/calendar/README.md has the format): one file a year with the notice it comes from, its
/// holidays (name, first and last day off) and its make-up working days. A date outside the file's year, holidays that
/// overlap, a make-up day that is inside a holiday or not on a weekend, and a year given twice are errors, located as the
/// matrix config's are.
/// </summary>
public static class CalendarLoader
{
    /// <summary>The years shipped with the build (config/calendar/cn-*.yaml, embedded).</summary>
    public static readonly int[] ShippedYears = [2025, 2026];

    private static readonly string[] TopKeys = ["calendar", "year", "source", "holidays", "workdays"];
    private static readonly string[] HolidayKeys = ["name", "nameEn", "from", "to"];
    private static readonly string[] WorkdayKeys = ["date", "for"];

    private static readonly Lazy<WorkingCalendar> ShippedCalendar = new(() =>
    {
        var years = new List<CalendarYear>();
        foreach (var year in ShippedYears)
        {
            var name = $"cn-{year}.yaml";
            var result = Parse(ConfigFiles.Embedded($"MediaMatrix.Monitoring.Calendar.{name}"), $"config/calendar/{name}");
            if (!result.IsValid)
                throw new InvalidOperationException($"shipped calendar is invalid: {result.Errors[0]}");
            years.AddRange(result.Years);
        }

        return new WorkingCalendar(years);
    });

    /// <summary>China's statutory holidays for <see cref="ShippedYears"/>.</summary>
    public static WorkingCalendar Shipped => ShippedCalendar.Value;

    public static CalendarLoadResult Load(string path)
    {
        var text = ConfigFiles.ReadText(path, "calendar file", out var error);
        return text is null ? new CalendarLoadResult([], [error!]) : Parse(text, path);
    }

    /// <summary>Each <c>*.yaml</c> of a folder, or the one file; a year given twice is an error at the second.</summary>
    public static CalendarLoadResult LoadAll(IEnumerable<string> paths, IEnumerable<CalendarYear>? known = null)
    {
        var years = new List<CalendarYear>();
        var errors = new List<ConfigError>();
        var seen = (known ?? []).ToDictionary(y => y.Year, y => "the shipped calendar");
        foreach (var path in paths)
        {
            var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.yaml").Order(StringComparer.Ordinal).ToArray() : [path];
            foreach (var file in files)
            {
                var result = Load(file);
                errors.AddRange(result.Errors);
                foreach (var year in result.Years)
                {
                    if (seen.TryGetValue(year.Year, out var first) && first != "the shipped calendar")
                    {
                        errors.Add(new ConfigError(file, 0, 0, "year", $"{year.Year} is given twice (first in {first})"));
                        continue;
                    }

                    seen[year.Year] = file;
                    years.Add(year);
                }
            }
        }

        return errors.Count == 0 ? new CalendarLoadResult(years, []) : new CalendarLoadResult([], errors);
    }

    public static CalendarLoadResult Parse(string yaml, string fileName)
    {
        var reader = new ConfigReader(fileName);
        var year = Read(yaml, reader);
        var errors = reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        return errors.Count == 0 && year is not null ? new CalendarLoadResult([year], []) : new CalendarLoadResult([], errors);
    }

    private static CalendarYear? Read(string yaml, ConfigReader reader)
    {
        var root = ConfigYaml.Parse(yaml, reader);
        if (root is null || reader.Section(root, "", TopKeys) is not { } top)
            return null;

        reader.Text(top, "calendar", required: true);
        var year = reader.Integer(top, "year");
        if (year is null)
        {
            if (!top.Has("year"))
                reader.ReportMissing(top, "year");
            return null;
        }

        if (year is < 2000 or > 2100)
        {
            reader.Report(top.Node("year").Start, "year", $"{year} is not a plausible year");
            return null;
        }

        var source = reader.Text(top, "source", required: true);
        if (source is not null && source.Trim().Length == 0)
            reader.Report(top.Node("source").Start, "source", "name the notice the dates come from");

        var holidays = ReadHolidays(top, reader, year.Value);
        var workdays = ReadWorkdays(top, reader, year.Value, holidays);
        return source is null ? null : new CalendarYear(year.Value, source.Trim(), holidays, workdays);
    }

    private static List<Holiday> ReadHolidays(ConfigSection top, ConfigReader reader, int year)
    {
        var holidays = new List<Holiday>();
        if (top.Find("holidays") is not YamlSequenceNode list)
        {
            if (top.Find("holidays") is { } other)
                reader.Report(other.Start, "holidays", "expected a list of holidays (- { name: 春节, from: …, to: … })");
            else
                reader.ReportMissing(top, "holidays");
            return holidays;
        }

        var starts = new List<(Holiday Holiday, long Line)>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var field = $"holidays[{i}]";
            if (reader.Section(list.Children[i], field, HolidayKeys) is not { } section)
                continue;
            var name = reader.Text(section, "name", required: true);
            var nameEn = reader.Text(section, "nameEn", required: false);
            var from = Date(section, "from", reader, year);
            var to = Date(section, "to", reader, year);
            if (name is null || from is null || to is null)
                continue;
            if (to < from)
            {
                reader.Report(section.Node("to").Start, section.Field("to"), $"the last day off {to:yyyy-MM-dd} is before the first {from:yyyy-MM-dd}");
                continue;
            }

            var holiday = new Holiday(name, nameEn ?? name, from.Value, to.Value);
            if (starts.FirstOrDefault(s => s.Holiday.From <= holiday.To && holiday.From <= s.Holiday.To) is { Holiday: not null } overlap)
            {
                reader.Report(section.Start, field, $"{name} overlaps {overlap.Holiday.Name} (line {overlap.Line})");
                continue;
            }

            starts.Add((holiday, section.Start.Line));
            holidays.Add(holiday);
        }

        return holidays;
    }

    private static HashSet<DateOnly> ReadWorkdays(ConfigSection top, ConfigReader reader, int year, List<Holiday> holidays)
    {
        var days = new HashSet<DateOnly>();
        var node = top.Find("workdays");
        if (node is null || ConfigReader.IsNull(node))
            return days;
        if (node is not YamlSequenceNode list)
        {
            reader.Report(node.Start, "workdays", "expected a list of make-up working days (- { date: …, for: 春节 })");
            return days;
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            if (reader.Section(list.Children[i], $"workdays[{i}]", WorkdayKeys) is not { } section || Date(section, "date", reader, year) is not { } day)
                continue;
            reader.Text(section, "for", required: false);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                reader.Report(section.Node("date").Start, section.Field("date"), $"{day:yyyy-MM-dd} is a {day.DayOfWeek}: a make-up working day falls on a weekend");
            else if (holidays.FirstOrDefault(h => h.Contains(day)) is { } inside)
                reader.Report(section.Node("date").Start, section.Field("date"), $"{day:yyyy-MM-dd} is inside {inside.Name}");
            else if (!days.Add(day))
                reader.Report(section.Node("date").Start, section.Field("date"), $"{day:yyyy-MM-dd} is listed twice");
        }

        return days;
    }

    private static DateOnly? Date(ConfigSection section, string key, ConfigReader reader, int year)
    {
        var text = reader.Text(section, key, required: true);
        if (text is null)
            return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            reader.Report(section.Node(key).Start, section.Field(key), $"{ConfigText.Quote(text)} is not a date; write YYYY-MM-DD");
            return null;
        }

        if (day.Year != year)
        {
            reader.Report(section.Node(key).Start, section.Field(key), $"{day:yyyy-MM-dd} is not in {year}, the file's year");
            return null;
        }

        return day;
    }
}
