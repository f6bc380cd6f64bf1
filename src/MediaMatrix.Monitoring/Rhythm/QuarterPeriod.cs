using System.Globalization;

namespace MediaMatrix.Monitoring.Rhythm;

/// <summary>A calendar quarter, written <c>2026Q4</c> (the bulletin's <c>--quarter</c> spelling).</summary>
public readonly record struct QuarterPeriod(int Year, int Quarter)
{
    public static QuarterPeriod Of(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    /// <summary>The quarter before the one containing <paramref name="day"/>: the one a bulletin on its first day reports.</summary>
    public static QuarterPeriod Before(DateOnly day) => Of(new DateOnly(day.Year, ((Of(day).Quarter - 1) * 3) + 1, 1).AddDays(-1));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Quarter}");
}
