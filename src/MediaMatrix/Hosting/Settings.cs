using MediaMatrix.Cli;

namespace MediaMatrix.Hosting;

/// <summary>Runtime settings: appsettings.json beside the binary, then environment variables (<c>Redis__Configuration</c>), then flags.</summary>
internal static class Settings
{
    public static IConfigurationRoot Build(CliArguments cli, IEnumerable<KeyValuePair<string, string?>>? defaults = null) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(defaults ?? [])
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(cli.SettingOverrides())
            .Build();
}
