using System.Text.RegularExpressions;

namespace MediaMatrix.Monitoring.Fetching;

/// <summary>
/// Expands a source's configured headers for one request: <c>${NAME}</c> is replaced by the
/// environment variable NAME (a Kubernetes secret, a systemd credential). The expanded values exist
/// only on the outgoing request; errors name the variable, never a value.
/// </summary>
public static partial class SourceHeaders
{
    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();

    /// <returns>The headers to send, or null with <paramref name="problem"/> naming a variable that is not set.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>>? Expand(
        IReadOnlyDictionary<string, string>? templates, Func<string, string?> lookup, out string? problem)
    {
        problem = null;
        if (templates is null || templates.Count == 0)
        {
            return [];
        }

        var expanded = new List<KeyValuePair<string, string>>(templates.Count);
        foreach (var (name, template) in templates)
        {
            string? missing = null;
            var value = Reference().Replace(template, match =>
            {
                var variable = match.Groups["name"].Value;
                var secret = lookup(variable);
                missing ??= string.IsNullOrEmpty(secret) ? variable : null;
                return secret ?? string.Empty;
            });
            if (missing is not null)
            {
                problem = $"header {name} needs the environment variable {missing}, which is not set";
                return null;
            }

            if (value.Contains('\r') || value.Contains('\n'))
            {
                problem = $"header {name}: the value from the environment contains a line break";
                return null;
            }

            expanded.Add(new(name, value));
        }

        return expanded;
    }
}
