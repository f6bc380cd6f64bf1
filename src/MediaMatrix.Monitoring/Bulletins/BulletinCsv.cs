using System.Globalization;
using System.Text;

namespace MediaMatrix.Monitoring.Bulletins;

/// <summary>
/// The bulletin as one CSV file: each table as a section (its name on a line, the header, the rows, a blank line).
/// UTF-8 with a byte-order mark, because Excel reads a BOM-less CSV in the machine's ANSI code page and garbles Chinese;
/// RFC 4180 quoting and CRLF line ends; text neutralised by <see cref="SpreadsheetText.Neutralise"/>.
/// </summary>
public static class BulletinCsv
{
    public static byte[] Render(Bulletin bulletin) => Render(BulletinTables.Of(bulletin));

    public static byte[] Render(IEnumerable<SheetTable> tables)
    {
        var csv = new StringBuilder();
        foreach (var table in tables)
        {
            AppendLine(csv, [SheetCell.Of(table.Name)]);
            AppendLine(csv, [.. table.Header.Select(SheetCell.Of)]);
            foreach (var row in table.Rows)
            {
                AppendLine(csv, row);
            }

            csv.Append("\r\n");
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(csv.ToString())];
    }

    /// <summary>One field as written: neutralised text, quoted when it holds a comma, a quote, CR or LF (quotes doubled).</summary>
    public static string Field(SheetCell cell)
    {
        if (cell.Number is { } number)
        {
            return number.ToString("R", CultureInfo.InvariantCulture);
        }

        var text = SpreadsheetText.Neutralise(cell.Text ?? string.Empty);
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void AppendLine(StringBuilder csv, IReadOnlyList<SheetCell> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Field(cells[i]));
        }

        csv.Append("\r\n");
    }
}
