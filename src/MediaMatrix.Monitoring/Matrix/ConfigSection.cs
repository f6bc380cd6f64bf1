using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>One key/value pair of a YAML mapping, with the key node kept for its position.</summary>
internal sealed record ConfigEntry(string Key, YamlNode KeyNode, YamlNode Value);

/// <summary>A mapping already checked for unknown and duplicate keys, addressed by its field path.</summary>
internal sealed class ConfigSection(string path, YamlNode node, IReadOnlyDictionary<string, ConfigEntry> values, IReadOnlySet<string> misspelt)
{
    public Mark Start => node.Start;

    public string Path => path;

    public string Field(string key) => ConfigReader.Join(path, key);

    public YamlNode? Find(string key) => values.TryGetValue(key, out var entry) ? entry.Value : null;

    public YamlNode Node(string key) => values[key].Value;

    public bool Has(string key) => values.ContainsKey(key);

    /// <summary>True when an unknown key in this mapping was reported as a misspelling of <paramref name="key"/>.</summary>
    public bool IsMisspelt(string key) => misspelt.Contains(key);
}
