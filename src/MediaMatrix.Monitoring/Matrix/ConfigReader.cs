using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// Typed reads from YAML nodes that never throw: each problem is recorded with the file, the
/// node's position and the field path, and the read returns null so the caller carries on and
/// the operator sees every mistake in one run.
/// </summary>
internal sealed class ConfigReader(string file)
{
    private readonly List<ConfigError> _errors = [];

    // Values YAML folded from several lines into one (a plain or quoted scalar over lines): quoting the start of one would
    // print the lines after the offending one, so a message names their lines instead (see Report).
    private readonly Dictionary<string, string> _folded = new(StringComparer.Ordinal);

    public IReadOnlyList<ConfigError> Errors => _errors;

    public void Report(Mark at, string field, string message)
    {
        foreach (var (quoted, lines) in _folded)
            message = message.Replace(quoted, lines, StringComparison.Ordinal);
        _errors.Add(new ConfigError(file, (int)at.Line, (int)at.Column, field, message));
    }

    /// <summary>A problem found in another file the config names (a lexicon), already located in that file.</summary>
    public void Add(ConfigError error) => _errors.Add(error);

    /// <summary>All key/value pairs of a mapping whose keys are names chosen by the operator (profiles).</summary>
    public IReadOnlyList<ConfigEntry>? Entries(YamlNode node, string field)
    {
        if (node is not YamlMappingNode mapping)
        {
            Report(node.Start, field, $"expected a mapping of keys to values, found {Describe(node)}");
            return null;
        }

        var entries = new List<ConfigEntry>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Report(keyNode.Start, field, "keys must be plain text");
                continue;
            }

            if (ConfigYaml.IsDuplicate(key, out var original))
            {
                Report(keyNode.Start, Join(field, original), $"duplicate key {ConfigText.Quote(original)}");
                continue;
            }

            entries.Add(new ConfigEntry(key, keyNode, value));
        }

        return entries;
    }

    /// <summary>
    /// A mapping with a fixed set of keys. Unknown keys are errors so typos surface at start-up;
    /// <paramref name="reserved"/> keys belong to later features and are accepted without being read.
    /// </summary>
    public ConfigSection? Section(YamlNode node, string field, IReadOnlyList<string> known, IReadOnlyList<string>? reserved = null)
    {
        var entries = Entries(node, field);
        if (entries is null)
            return null;

        var values = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
        var misspelt = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (known.Contains(entry.Key))
            {
                values[entry.Key] = entry;
            }
            else if (reserved?.Contains(entry.Key) != true)
            {
                var meant = KeySpelling.Closest(entry.Key, known.Where(k => entries.All(e => e.Key != k)));
                if (meant is not null)
                    misspelt.Add(meant);
                Report(entry.KeyNode.Start, Join(field, entry.Key), meant is not null
                    ? $"unknown key {ConfigText.Quote(entry.Key)}; did you mean '{meant}'?"
                    : $"unknown key {ConfigText.Quote(entry.Key)} (expected one of: {string.Join(", ", known)})");
            }
        }

        return new ConfigSection(field, node, values, misspelt);
    }

    public string? Text(ConfigSection section, string key, bool required)
    {
        var value = Value(section, key, required);
        if (value is null)
            return null;

        if (value is not YamlScalarNode scalar)
        {
            Report(value.Start, section.Field(key), $"expected a text value, found {Describe(value)}");
            return null;
        }

        return Remember(scalar);
    }

    private string? Remember(YamlScalarNode scalar)
    {
        if (scalar.Value is { } text && scalar.End.Line > scalar.Start.Line && !text.Contains('\n', StringComparison.Ordinal))
            _folded.TryAdd(ConfigText.Quote(text), $"the text over lines {scalar.Start.Line}-{scalar.End.Line}");
        return scalar.Value;
    }

    public bool? Flag(ConfigSection section, string key)
    {
        var text = Text(section, key, required: false);
        if (text is null)
            return null;

        if (bool.TryParse(text, out var flag))
            return flag;

        Report(section.Node(key).Start, section.Field(key), $"expected true or false, found {ConfigText.Quote(text)}");
        return null;
    }

    public TimeSpan? Duration(ConfigSection section, string key)
    {
        var text = Text(section, key, required: false);
        if (text is null)
            return null;

        if (!DurationFormat.TryParse(text, out var duration))
        {
            Report(section.Node(key).Start, section.Field(key), $"{ConfigText.Quote(text)} is not a duration; write e.g. {DurationFormat.Examples}");
            return null;
        }

        if (duration <= TimeSpan.Zero)
        {
            Report(section.Node(key).Start, section.Field(key), "must be longer than zero");
            return null;
        }

        return duration;
    }

    public int? Integer(ConfigSection section, string key)
    {
        var text = Text(section, key, required: false);
        if (text is null)
            return null;

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return number;

        Report(section.Node(key).Start, section.Field(key), $"expected a whole number, found {ConfigText.Quote(text)}");
        return null;
    }

    /// <summary>A decimal number written the invariant way (0.3, 7, 60).</summary>
    public double? Number(ConfigSection section, string key)
    {
        var text = Text(section, key, required: false);
        if (text is null)
            return null;

        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return number;

        Report(section.Node(key).Start, section.Field(key), $"expected a number, found {ConfigText.Quote(text)}");
        return null;
    }

    public IReadOnlyList<string>? TextList(ConfigSection section, string key)
    {
        var value = Value(section, key, required: false);
        if (value is null)
            return null;

        if (value is not YamlSequenceNode sequence)
        {
            Report(value.Start, section.Field(key), $"expected a list of text values, found {Describe(value)}");
            return null;
        }

        var items = new List<string>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is YamlScalarNode { Value: not null } item && !IsNull(item))
                items.Add(Remember(item)!);
            else
                Report(sequence.Children[i].Start, $"{section.Field(key)}[{i}]", $"expected a text value, found {Describe(sequence.Children[i])}");
        }

        return items.Count == sequence.Children.Count ? items : null;
    }

    /// <summary>One of a fixed set of lower-case words (platform, tier, kind).</summary>
    public T? Choice<T>(ConfigSection section, string key, string what)
        where T : struct, Enum
    {
        var text = Text(section, key, required: true);
        if (text is null)
            return null;

        foreach (var choice in Enum.GetValues<T>())
        {
            if (text == ConfigName(choice))
                return choice;
        }

        Report(section.Node(key).Start, section.Field(key),
            $"unknown {what} {ConfigText.Quote(text)} (expected one of: {string.Join(", ", Enum.GetValues<T>().Select(c => ConfigName(c)))})");
        return null;
    }

    public static string ConfigName<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static string Join(string field, string key) => field.Length == 0 ? key : $"{field}.{key}";

    private YamlNode? Value(ConfigSection section, string key, bool required)
    {
        var value = section.Find(key);
        if (value is not null && !IsNull(value))
            return value;

        if (required && value is null)
            ReportMissing(section, key);
        else if (required)
            Report(value!.Start, section.Field(key), "a value is required");
        return null;
    }

    /// <summary>Reports a required key that is absent, unless it is already reported as misspelt.</summary>
    public void ReportMissing(ConfigSection section, string key)
    {
        if (!section.IsMisspelt(key))
            Report(section.Start, section.Field(key), "required key is missing");
    }

    /// <summary>An empty value, <c>~</c> or <c>null</c>, written without quotes.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        // A plain scalar over several lines is YAML's reading of a text file that is no config (a key, /etc/passwd):
        // quoting it would print the file. One line of a YAML file is the operator's own value and helps find it.
        YamlScalarNode s when s.End.Line > s.Start.Line => $"the text over lines {s.Start.Line}-{s.End.Line}",
        YamlScalarNode s => ConfigText.Quote(s.Value ?? ""),
        _ => "something else",
    };
}
