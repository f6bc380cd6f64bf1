namespace MediaMatrix.Monitoring.Bulletins;

/// <summary>
/// Formula-injection neutralisation (reliability X5), the one rule the CSV and XLSX writers share. A spreadsheet program
/// runs a cell that starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> as a formula (and tab / CR can hide such a start
/// in some importers), so scraped or configured text like <c>=HYPERLINK(…)</c> would execute when an official opens the
/// bulletin. Such a cell gets a leading apostrophe, which Excel and LibreOffice show as "this is text". NUL cannot live in
/// a cell at all, so it is removed, and a cell that had one is marked the same way so the change is visible.
/// The result is what the file holds and what reads back.
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralise(string text)
    {
        var hadNul = text.Contains('\0', StringComparison.Ordinal);
        var cleaned = hadNul ? text.Replace("\0", string.Empty, StringComparison.Ordinal) : text;
        return hadNul || StartsLikeFormula(text) ? "'" + cleaned : cleaned;
    }

    /// <summary>Whether the text would be neutralised.</summary>
    public static bool NeedsNeutralising(string text) => StartsLikeFormula(text) || text.Contains('\0', StringComparison.Ordinal);

    private static bool StartsLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
