namespace MediaMatrix.Simulator.History;

/// <summary>
/// Asia/Shanghai as a fixed +08:00 offset: China has had no daylight saving since 1991, and a
/// fixed offset keeps the simulator independent of the host's time-zone database.
/// </summary>
internal static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant).DateTime);

    public static DateTimeOffset At(DateOnly day, int hour, int minute) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), Offset);
}
