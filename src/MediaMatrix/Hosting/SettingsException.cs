namespace MediaMatrix.Hosting;

/// <summary>A mistake in the host settings (appsettings, environment, command line). Each problem names the setting
/// and says what is allowed; the command line prints each as one line, without a stack trace, and exits 1.</summary>
internal sealed class SettingsException : Exception
{
    public SettingsException(string problem)
        : this([problem])
    {
    }

    public SettingsException(IReadOnlyList<string> problems)
        : base(string.Join('\n', problems)) => Problems = problems;

    /// <summary>One line each: <c>Polling:Parallelism: 0 must be from 1 to 1024</c>.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The settings mistake behind <paramref name="error"/>, however deep the host wrapped it.</summary>
    public static SettingsException? Find(Exception error) => error switch
    {
        SettingsException settings => settings,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null),
        { InnerException: { } inner } => Find(inner),
        _ => null,
    };
}
