namespace MediaMatrix.Hosting;

/// <summary>A mistake in the host settings (appsettings, environment, command line). The message names the setting
/// and says what is allowed; the command line prints it without a stack trace and exits 1.</summary>
internal sealed class SettingsException(string message) : Exception(message)
{
    /// <summary>The settings mistake behind <paramref name="error"/>, however deep the host wrapped it.</summary>
    public static SettingsException? Find(Exception error) => error switch
    {
        SettingsException settings => settings,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null),
        { InnerException: { } inner } => Find(inner),
        _ => null,
    };
}
