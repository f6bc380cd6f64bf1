using System.Text.RegularExpressions;

namespace MediaMatrix.Hosting;

/// <summary>
/// Reads one settings section into its options type and checks it at start-up, so a mistake stops the process with
/// one line naming the key (<c>mediamatrix: settings: Polling:Parallelism: 0 must be from 1 to 1024</c>) instead of
/// a stack trace at the first poll. Every section the host binds goes through here.
/// </summary>
internal static partial class SettingsSection
{
    /// <exception cref="SettingsException">A value does not convert to its type, or <paramref name="check"/> rejects it.</exception>
    public static T Read<T>(IConfiguration settings, string section, Action<T>? check = null)
        where T : new()
    {
        T options;
        try
        {
            options = settings.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException error) when (FailedConversion().Match(error.Message) is { Success: true } match)
        {
            var key = match.Groups["key"].Value;
            throw new SettingsException($"{key}: '{settings[key]}' is not {Described(match.Groups["type"].Value)}");
        }

        try
        {
            check?.Invoke(options);
        }
        catch (ArgumentException error)
        {
            throw new SettingsException(error.Message);
        }

        return options;
    }

    private static string Described(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" => "a number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a duration like 00:05:00 (hh:mm:ss) or 1.00:00:00 (one day)",
        _ => "a " + type[(type.LastIndexOf('.') + 1)..],
    };

    // ConfigurationBinder: "Failed to convert configuration value 'x' at 'Polling:Parallelism' to type 'System.Int32'."
    [GeneratedRegex("at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex FailedConversion();
}
