using System.Text;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// How an error message quotes what the operator wrote: at most one line and <see cref="MaxQuoted"/> characters of it,
/// control characters shown as <c>?</c>. <c>validate</c> may be pointed at any file (a key file, /etc/passwd, a
/// binary): the message says what is wrong and where, and quoting a value never prints the file's other lines.
/// </summary>
public static class ConfigText
{
    public const int MaxQuoted = 80;

    public static string Quote(string text)
    {
        var line = text.AsSpan();
        var end = line.IndexOfAny('\r', '\n');
        var more = end >= 0;
        if (more)
            line = line[..end];
        if (line.Length > MaxQuoted)
        {
            // Never half a surrogate pair: the quote is printed and must stay valid text.
            line = line[..(char.IsHighSurrogate(line[MaxQuoted - 1]) ? MaxQuoted - 1 : MaxQuoted)];
            more = true;
        }

        var quoted = new StringBuilder(line.Length + 4).Append('\'');
        foreach (var c in line)
            quoted.Append(char.IsControl(c) ? '?' : c);
        return quoted.Append(more ? "…'" : "'").ToString();
    }
}
