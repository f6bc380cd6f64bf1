using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// Reads <c>source.headers</c>: a mapping of header name to value, values kept as written
/// (<c>Cookie: "${WEIBO_COOKIE}"</c>); <see cref="Fetching.SourceHeaders"/> expands them per request.
/// Header names must be HTTP tokens, and the headers the fetcher owns cannot be overridden.
/// </summary>
internal static partial class SourceHeaderReader
{
    // The fetcher sets these itself (conditional GET, decompression, the connection); an override would break it.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "If-None-Match", "If-Modified-Since", "Accept-Encoding",
    };

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex Token();

    public static IReadOnlyDictionary<string, string>? Read(YamlNode node, string field, ConfigReader reader)
    {
        if (ConfigReader.IsNull(node))
            return null;

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in reader.Entries(node, field) ?? [])
        {
            var at = ConfigReader.Join(field, entry.Key);
            if (!Token().IsMatch(entry.Key))
                reader.Report(entry.KeyNode.Start, at, $"{ConfigText.Quote(entry.Key)} is not a valid header name");
            else if (Reserved.Contains(entry.Key))
                reader.Report(entry.KeyNode.Start, at, $"header {ConfigText.Quote(entry.Key)} is set by the fetcher and cannot be overridden");
            else if (entry.Value is not YamlScalarNode { Value: { } value } || ConfigReader.IsNull(entry.Value))
                reader.Report(entry.Value.Start, at, "expected a text value");
            else if (value.Contains('\r') || value.Contains('\n'))
                reader.Report(entry.Value.Start, at, "a header value cannot contain line breaks");
            else
                headers[entry.Key] = value;
        }

        return headers.Count == 0 ? null : headers;
    }
}
