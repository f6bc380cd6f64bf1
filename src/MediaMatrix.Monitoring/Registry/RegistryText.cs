using System.Globalization;
using System.Text;

namespace MediaMatrix.Monitoring.Registry;

/// <summary>
/// A registry file comes from outside (a county office's spreadsheet, mailed around): every cell is untrusted text. It is
/// trimmed, cut to <see cref="MaxLength"/>, and stripped of control characters and of the format characters that can
/// reorder or hide text in a terminal (bidi overrides and isolates, zero-width characters). Formulas are never evaluated:
/// an XLSX cell gives its stored value, and a CSV cell is the text it holds.
/// </summary>
public static class RegistryText
{
    public const int MaxLength = 200;

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;

        var clean = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c is '\r' or '\n' or '\t')
                clean.Append(' ');
            else if (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
                clean.Append(c);
        }

        var result = clean.ToString().Trim();
        if (result.Length > MaxLength)
            result = result[..(char.IsHighSurrogate(result[MaxLength - 1]) ? MaxLength - 1 : MaxLength)];
        return result;
    }

    /// <summary>A cleaned value for a message: quoted, at most 40 characters.</summary>
    public static string Quote(string text) => "'" + (text.Length > 40 ? text[..40] + "…" : text) + "'";
}
