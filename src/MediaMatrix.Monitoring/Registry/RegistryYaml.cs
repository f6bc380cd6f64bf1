using System.Globalization;
using System.Text;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Registry;

/// <summary>
/// Writes the matrix's registry file (<c>registry:</c>): the filings, one mapping each, every value double-quoted so no
/// text from the county's file is read back as YAML syntax, a number or a date. <see cref="RegistryReader"/> reads it.
/// </summary>
public static class RegistryYaml
{
    public static string Render(IReadOnlyList<Filing> filings, string importedFrom)
    {
        var yaml = new StringBuilder();
        yaml.Append("# The account registry (备案登记表), imported by `mediamatrix registry` from ").Append(Comment(importedFrom)).Append(".\n");
        yaml.Append("# Re-run the import to change it: the next import rewrites this file. The matrix file names it (registry:).\n");
        yaml.Append("# account: the matrix account the row is; none: filed, not monitored (no source to read).\n");
        yaml.Append(filings.Count == 0 ? "filings: []\n" : "filings:\n");
        foreach (var f in filings)
        {
            yaml.Append("  - ");
            var first = true;
            void Key(string key, string? value)
            {
                if (value is null)
                    return;
                yaml.Append(first ? string.Empty : "    ").Append(key).Append(": ").Append(Quote(value)).Append('\n');
                first = false;
            }

            Key("account", f.Account);
            Key("unit", f.Unit);
            Key("name", f.Name);
            Key("platform", ConfigReader.ConfigName(f.Platform));
            Key("ref", f.Ref);
            Key("number", f.Number);
            Key("status", ConfigReader.ConfigName(f.Status));
            Key("closedOn", f.ClosedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return yaml.ToString();
    }

    /// <summary>A YAML double-quoted scalar: backslash and quote escaped, anything below U+0020 (already stripped) as \uXXXX.</summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
                quoted.Append('\\').Append(c);
            else if (c < ' ' || char.IsControl(c) || c is '\u2028' or '\u2029')
                quoted.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                quoted.Append(c);
        }

        return quoted.Append('"').ToString();
    }

    private static string Comment(string text) => new([.. text.Where(c => !char.IsControl(c))]);
}
