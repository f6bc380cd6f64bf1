using System.Globalization;

namespace MediaMatrix.Monitoring;

/// <summary>
/// The checks an options type's <c>Validate</c> makes on its settings section. Each failure throws
/// <see cref="ArgumentException"/> whose message starts with the full key (<c>Polling:Parallelism: 0 must be from 1
/// to 1024</c>); the host turns it into its one-line settings error (style habit 5).
/// </summary>
public static class SettingRules
{
    public static void Check(bool ok, string key, object? value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{key}: {Shown(value)} {rule}"));
        }
    }

    public static void Positive(TimeSpan value, string key) => Check(value > TimeSpan.Zero, key, value, "must be positive");

    public static void NotNegative(TimeSpan value, string key) => Check(value >= TimeSpan.Zero, key, value, "must not be negative");

    public static void Within(int value, int min, int max, string key) =>
        Check(value >= min && value <= max, key, value, string.Create(CultureInfo.InvariantCulture, $"must be from {min} to {max}"));

    public static void Within(TimeSpan value, TimeSpan min, TimeSpan max, string key) =>
        Check(value >= min && value <= max, key, value, string.Create(CultureInfo.InvariantCulture, $"must be from {min} to {max}"));

    public static void NotEmpty(string? value, string key) => Check(!string.IsNullOrWhiteSpace(value), key, value, "must not be empty");

    private static string Shown(object? value) => value switch
    {
        null => "(empty)",
        string text => $"'{text}'",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
