using MediaMatrix.Hosting;

namespace MediaMatrix.Cli;

/// <summary><c>validate --config FILE</c>: every problem at once, each with file, line and field; exit 1 if any.</summary>
internal static class ValidateCommand
{
    public static async Task<int> RunAsync(CliArguments cli)
    {
        var settings = Settings.Build(cli);
        var matrix = MatrixFile.Load(settings, Console.Error);
        if (matrix is null)
        {
            return 1;
        }

        // The registry's line is its own, so the first line's wording stays as scripts read it.
        await Console.Out.WriteLineAsync(
            $"{settings["Matrix:Config"]}: OK — {matrix.Matrix.Name}: 1 head + {matrix.Accounts.Count - 1} members, {matrix.Profiles.Count} profiles, rule pack {matrix.Pack.Id.Label}");
        if (matrix.Registry is { } registry)
        {
            await Console.Out.WriteLineAsync(
                $"registry {registry.Path}: {matrix.Accounts.Count(a => a.Filing is not null)} accounts filed, {registry.Filings.Count(f => f.Account is null)} filed but not monitored, {matrix.Accounts.Count(a => a.Filing is null)} not filed (未备案)");
        }
        return 0;
    }
}
