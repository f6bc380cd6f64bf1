using System.Globalization;
using System.Text.RegularExpressions;

namespace MediaMatrix.Monitoring.Bulletins;

/// <summary>Whether a bulletin covers a quarter (季度通报) or a month (月度通报).</summary>
public enum PeriodKind { Quarter, Month }

/// <summary>
/// The span a bulletin covers: a quarter written <c>2026Q4</c> or a month written <c>2026-11</c>, in the matrix's time zone
/// (a county office's quarter ends at its own midnight, not UTC's).
/// </summary>
public readonly partial record struct BulletinPeriod
{
    private BulletinPeriod(PeriodKind kind, int year, int number)
    {
        Kind = kind;
        Year = year;
        Number = number;
    }

    public PeriodKind Kind { get; }

    public int Year { get; }

    /// <summary>The quarter (1–4) or the month (1–12).</summary>
    public int Number { get; }

    public static BulletinPeriod Quarter(int year, int quarter) =>
        quarter is >= 1 and <= 4 && year is >= 2000 and <= 9998
            ? new BulletinPeriod(PeriodKind.Quarter, year, quarter)
            : throw new ArgumentOutOfRangeException(nameof(quarter), $"{year}Q{quarter} is not a quarter");

    public static BulletinPeriod Month(int year, int month) =>
        month is >= 1 and <= 12 && year is >= 2000 and <= 9998
            ? new BulletinPeriod(PeriodKind.Month, year, month)
            : throw new ArgumentOutOfRangeException(nameof(month), $"{year}-{month} is not a month");

    /// <summary>Reads <c>2026Q4</c> (also <c>2026-Q4</c>, lower case q) or <c>2026-11</c>.</summary>
    /// <exception cref="FormatException">The text is neither, with what was expected.</exception>
    public static BulletinPeriod Parse(string text) =>
        TryParse(text, out var period, out var error) ? period : throw new FormatException(error);

    /// <summary>Reads a quarter only (<c>--quarter</c>).</summary>
    public static BulletinPeriod ParseQuarter(string text) => ParseAs(text, PeriodKind.Quarter);

    /// <summary>Reads a month only (<c>--month</c>).</summary>
    public static BulletinPeriod ParseMonth(string text) => ParseAs(text, PeriodKind.Month);

    public static bool TryParse(string? text, out BulletinPeriod period, out string error)
    {
        period = default;
        var trimmed = text?.Trim() ?? string.Empty;
        var quarter = QuarterPattern().Match(trimmed);
        var month = MonthPattern().Match(trimmed);
        if (quarter.Success)
        {
            var (year, number) = (Group(quarter, "year"), Group(quarter, "n"));
            if (year >= 2000 && number is >= 1 and <= 4)
            {
                period = new BulletinPeriod(PeriodKind.Quarter, year, number);
                error = string.Empty;
                return true;
            }
        }
        else if (month.Success)
        {
            var (year, number) = (Group(month, "year"), Group(month, "n"));
            if (year >= 2000 && number is >= 1 and <= 12)
            {
                period = new BulletinPeriod(PeriodKind.Month, year, number);
                error = string.Empty;
                return true;
            }
        }

        error = $"'{text}' is not a period: write a quarter as 2026Q4 (quarters 1–4) or a month as 2026-11 (months 01–12)";
        return false;
    }

    /// <summary>The period's canonical spelling, used in file names: <c>2026Q4</c> or <c>2026-11</c>.</summary>
    public string Label => Kind == PeriodKind.Quarter
        ? string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year}-{Number:00}");

    /// <summary>How the bulletin's title names it: 2026年第四季度 or 2026年11月.</summary>
    public string ChineseName => Kind == PeriodKind.Quarter
        ? string.Create(CultureInfo.InvariantCulture, $"{Year}年第{"一二三四"[Number - 1]}季度")
        : string.Create(CultureInfo.InvariantCulture, $"{Year}年{Number}月");

    /// <summary>The period before this one of the same kind (2026Q1 → 2025Q4).</summary>
    public BulletinPeriod Previous => Kind == PeriodKind.Quarter
        ? Number == 1 ? new(Kind, Year - 1, 4) : new(Kind, Year, Number - 1)
        : Number == 1 ? new(Kind, Year - 1, 12) : new(Kind, Year, Number - 1);

    /// <summary>Midnight at the period's first day, in <paramref name="zone"/>.</summary>
    public DateTimeOffset Start(TimeZoneInfo zone) => Midnight(Year, FirstMonth, zone);

    /// <summary>Midnight after the period's last day, in <paramref name="zone"/>: the end is exclusive.</summary>
    public DateTimeOffset End(TimeZoneInfo zone)
    {
        var month = FirstMonth + (Kind == PeriodKind.Quarter ? 3 : 1);
        return month > 12 ? Midnight(Year + 1, month - 12, zone) : Midnight(Year, month, zone);
    }

    public override string ToString() => Label;

    private int FirstMonth => Kind == PeriodKind.Quarter ? (Number - 1) * 3 + 1 : Number;

    private static BulletinPeriod ParseAs(string text, PeriodKind kind)
    {
        if (!TryParse(text, out var period, out var error))
        {
            throw new FormatException(error);
        }

        return period.Kind == kind
            ? period
            : throw new FormatException(kind == PeriodKind.Quarter
                ? $"'{text}' is a month, not a quarter: write a quarter as 2026Q4"
                : $"'{text}' is a quarter, not a month: write a month as 2026-11");
    }

    private static DateTimeOffset Midnight(int year, int month, TimeZoneInfo zone)
    {
        var local = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static int Group(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<year>\d{4})-?[Qq](?<n>\d)$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(?<year>\d{4})-(?<n>\d{2})$")]
    private static partial Regex MonthPattern();
}
