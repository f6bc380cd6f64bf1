namespace MediaMatrix.Cli;

/// <summary>
/// A verb and its <c>--name value</c> flags. Flags that are settings (<c>--store</c>, <c>--redis</c>, <c>--config</c>)
/// become configuration keys with the highest precedence, so flags override environment variables,
/// which override appsettings.json — the ASP.NET Core convention.
/// </summary>
internal sealed class CliArguments
{
    private static readonly Dictionary<string, string> SettingFlags = new(StringComparer.Ordinal)
    {
        ["config"] = "Matrix:Config",
        ["store"] = "Store:Kind",
        ["redis"] = "Redis:Configuration",
        ["urls"] = "Urls",
    };

    // Verbs that take a sub-verb as their first argument (profile test).
    private static readonly HashSet<string> VerbsWithSubVerbs = new(StringComparer.Ordinal) { "profile" };

    private readonly Dictionary<string, string?> _flags = new(StringComparer.Ordinal);

    public string Verb { get; }

    /// <summary>The word after a verb that has sub-verbs (<c>test</c> in <c>profile test</c>), else null.</summary>
    public string? SubVerb { get; }

    public IReadOnlyList<string> Errors => _errors;

    private readonly List<string> _errors = [];

    public CliArguments(IReadOnlyList<string> args)
    {
        Verb = args.Count > 0 ? args[0] : string.Empty;
        var first = 1;
        if (VerbsWithSubVerbs.Contains(Verb) && args.Count > 1 && !args[1].StartsWith("--", StringComparison.Ordinal))
        {
            SubVerb = args[1];
            first = 2;
        }

        for (var i = first; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                _errors.Add($"unexpected argument '{arg}'");
                continue;
            }

            var name = arg[2..];
            string? value = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            _flags[name] = value;
        }
    }

    public bool Has(string name) => _flags.ContainsKey(name);

    public string? Get(string name) => _flags.GetValueOrDefault(name);

    /// <summary>The setting flags as configuration overrides.</summary>
    public IEnumerable<KeyValuePair<string, string?>> SettingOverrides() =>
        _flags.Where(f => SettingFlags.ContainsKey(f.Key))
              .Select(f => new KeyValuePair<string, string?>(SettingFlags[f.Key], f.Value));
}
