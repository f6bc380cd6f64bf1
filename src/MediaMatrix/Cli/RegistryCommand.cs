using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Registry;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Reports;

namespace MediaMatrix.Cli;

/// <summary>
/// <c>registry --config FILE --file REGISTRY [--dry-run] [--format text|json]</c>: import the county's account registry
/// (备案登记表). Prints the changes to the matrix config and the flags; without <c>--dry-run</c> writes the filings to
/// the registry file the matrix names (<c>registry:</c>; <c>&lt;matrix&gt;.registry.yaml</c> beside it, and the key
/// appended to the matrix, when it names none). The operator's matrix file is never rewritten: at most one line is
/// appended. Nothing is written unless the registry reads without an error and the resulting config validates.
/// Exit 0 done (flags or not), 1 bad registry or config, 2 usage.
/// </summary>
internal static class RegistryCommand
{
    public static async Task<int> RunAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        var format = cli.Get("format") ?? "text";
        if (format is not ("text" or "json"))
        {
            await Console.Error.WriteLineAsync($"--format: '{format}' is not text or json");
            return 2;
        }

        if (cli.Get("file") is not { Length: > 0 } file)
        {
            await Console.Error.WriteLineAsync("registry: --file REGISTRY.xlsx|.csv is required");
            return 2;
        }

        var dryRun = cli.Has("dry-run");
        var settings = Settings.Build(cli);
        var matrix = MatrixFile.Load(settings, Console.Error);
        if (matrix is null)
            return 1;
        var configPath = settings["Matrix:Config"]!;

        var read = RegistryFile.Read(file);
        foreach (var error in read.Errors)
            await Console.Error.WriteLineAsync(error.ToString());
        if (!read.IsValid)
        {
            await Console.Error.WriteLineAsync($"registry: {read.Errors.Count} problem(s) in {file}; nothing changed");
            return 1;
        }

        var registryName = matrix.Registry?.Path ?? Path.GetFileNameWithoutExtension(configPath) + ".registry.yaml";
        var registryPath = Path.Combine(Path.GetDirectoryName(configPath) ?? string.Empty, registryName);
        if (matrix.Registry is null && File.Exists(registryPath))
        {
            await Console.Error.WriteLineAsync($"registry: {registryPath} exists but {configPath} does not name it (registry:); add the key or move the file, nothing changed");
            return 1;
        }

        var plan = await PlanAsync(settings, matrix, read.Entries, cancellationToken);

        var written = false;
        var keyAdded = false;
        if (!dryRun)
        {
            var yaml = RegistryYaml.Render(plan.Filings, Path.GetFileName(file));
            if (!await WriteAsync(configPath, registryName, registryPath, yaml, matrix.Registry is null, plan.Filings.Count))
                return 1;
            written = true;
            keyAdded = matrix.Registry is null;
        }

        var outcome = new RegistryReport.Outcome(file, configPath, registryPath, dryRun, written, keyAdded);
        await Console.Out.WriteAsync(format == "json" ? RegistryReport.ToJson(plan, outcome) : RegistryReport.ToText(plan, outcome));
        return 0;
    }

    /// <summary>
    /// Polls once (as <c>check</c> does, on the store the settings name) the accounts the registry files as closed, then
    /// reads their newest post: after the closure date when the registry gives one, else within the veto window.
    /// </summary>
    private static async Task<RegistryPlan> PlanAsync(IConfiguration settings, MatrixConfig matrix, IReadOnlyList<RegistryEntry> entries, CancellationToken cancellationToken)
    {
        var closedOn = RegistryPlan.ClosedOn(matrix, entries);
        await using var provider = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Error).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddMonitoring(settings, matrix)
            .BuildServiceProvider();
        var veto = provider.GetRequiredService<AssessmentOptions>().VetoWindow;
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var newest = new Dictionary<string, NewestPost>(StringComparer.Ordinal);
        if (closedOn.Count > 0)
        {
            var accounts = matrix.Accounts.Where(a => closedOn.ContainsKey(a.Id)).ToList();
            await OneShotRun.PollOnceAsync(provider, matrix with { Accounts = accounts }, cancellationToken);
            var store = provider.GetRequiredService<IPostStore>();
            foreach (var account in accounts)
            {
                var since = closedOn[account.Id] is { } day
                    ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), matrix.Matrix.TimeZone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)))
                    : now - veto;
                var posts = await store.GetPostsAsync(account.Id, since, cancellationToken);
                if (posts.Where(p => p.PublishedAt is not null && !p.Pinned).MaxBy(p => p.PublishedAt) is { } post)
                    newest[account.Id] = new NewestPost(post.PublishedAt!.Value, post.Title);
            }
        }

        return RegistryPlan.Of(matrix, entries, newest, now, veto);
    }

    /// <summary>
    /// Writes the registry file through a temporary file beside it, validates the whole config with it, then moves it
    /// into place and, when the matrix named no registry file, appends the one <c>registry:</c> line. Any failure
    /// before the move leaves every file as it was.
    /// </summary>
    private static async Task<bool> WriteAsync(string configPath, string registryName, string registryPath, string yaml, bool addKey, int filings)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var suffix = $".tmp-{Environment.ProcessId}";
        var registryTemp = registryPath + suffix;
        var matrixTemp = Path.Combine(directory, "." + Path.GetFileName(configPath) + suffix);
        try
        {
            await File.WriteAllTextAsync(registryTemp, yaml);
            var matrixText = await File.ReadAllTextAsync(configPath);
            var line = RegistryLine(matrixText, registryName);
            var trial = addKey ? matrixText + RegistryLine(matrixText, registryName + suffix) : ReplaceRegistryPath(matrixText, registryName, registryName + suffix);
            await File.WriteAllTextAsync(matrixTemp, trial);
            var check = MatrixConfigLoader.Load(matrixTemp);
            if (!check.IsValid || check.Config.Registry?.Filings.Count != filings)
            {
                foreach (var error in check.Errors)
                    await Console.Error.WriteLineAsync(error.ToString());
                await Console.Error.WriteLineAsync($"registry: the config would not validate with the new registry file; nothing changed{(addKey ? $" (add `registry: {registryName}` to {configPath} by hand if the matrix file is not plain block YAML)" : string.Empty)}");
                return false;
            }

            File.Move(registryTemp, registryPath, overwrite: true);
            if (addKey)
                await File.AppendAllTextAsync(configPath, line);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"registry: cannot write {registryPath}: {e.Message}; nothing changed");
            return false;
        }
        finally
        {
            File.Delete(registryTemp);
            File.Delete(matrixTemp);
        }
    }

    private static string RegistryLine(string matrixText, string name) =>
        (matrixText.Length == 0 || matrixText.EndsWith('\n') ? string.Empty : "\n") + $"registry: {RegistryYaml.Quote(name)}   # filed accounts (备案), written by `mediamatrix registry`\n";

    // Only for the trial load: the matrix already names the registry; point that one value at the temporary file.
    private static string ReplaceRegistryPath(string matrixText, string name, string trialName)
    {
        var lines = matrixText.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("registry:", StringComparison.Ordinal))
                lines[i] = $"registry: {RegistryYaml.Quote(trialName)}";
        }

        return string.Join('\n', lines);
    }
}
