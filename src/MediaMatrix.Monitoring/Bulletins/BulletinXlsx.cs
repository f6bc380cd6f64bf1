using System.Data;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace MediaMatrix.Monitoring.Bulletins;

/// <summary>
/// The bulletin as an XLSX workbook, one sheet per table, written by MiniExcel (docs/adr/0005). Text is neutralised by
/// <see cref="SpreadsheetText.Neutralise"/> before MiniExcel sees it and written as a string cell, never a formula;
/// numbers stay numbers; the header row is bold and frozen. Characters XML 1.0 cannot carry (control characters other
/// than tab, CR, LF) are dropped, and a line end inside a cell is stored as LF, the one an XML reader keeps.
/// MiniExcel's package is then re-stamped so the same bulletin makes the same bytes (see <see cref="Settle"/>).
/// </summary>
public static partial class BulletinXlsx
{
    private static readonly DateTimeOffset ZipEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    // MiniExcel's default table style gives the header row cell format 1 (white on blue, bordered); it has no bold option.
    private const int HeaderFormat = 1;

    // MiniExcel names the workbook's relationships with fresh GUIDs (R + 16 or 32 hex digits) on every run.
    [GeneratedRegex("\"(R[0-9a-f]{16}(?:[0-9a-f]{16})?)\"")]
    private static partial Regex RandomRelationshipId();

    public static byte[] Render(Bulletin bulletin) => Render(BulletinTables.Of(bulletin), bulletin.EvaluatedAt);

    /// <param name="tables">One sheet each, named after the table.</param>
    /// <param name="stamp">The entries' modification time, so the same bulletin makes the same bytes.</param>
    public static byte[] Render(IReadOnlyList<SheetTable> tables, DateTimeOffset stamp)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var table in tables)
            sheets[table.Name] = Data(table);

        var configuration = new OpenXmlConfiguration
        {
            TableStyles = TableStyles.Default,
            AutoFilter = false,
            FreezeRowCount = 1,
            FreezeColumnCount = 0,
            FastMode = true, // required by EnableAutoWidth; the tables are in memory anyway
            EnableAutoWidth = true,
            MaxWidth = 60,
            EnableSharedStringCache = false,
            Culture = CultureInfo.InvariantCulture,
        };

        using var written = new MemoryStream();
        MiniExcel.SaveAs(written, sheets, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration);
        return Settle(written.ToArray(), stamp);
    }

    /// <summary>The text of a cell as the file stores it: neutralised, stripped of what XML cannot hold, line ends as LF.</summary>
    public static string StoredText(string text) =>
        XmlSafe(SpreadsheetText.Neutralise(text)).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    // Columns typed object: each cell is the neutralised text or the double, so MiniExcel writes a string or a number cell
    // and never guesses (a date-looking text stays text). A DataTable keeps the header of a table without rows.
    private static DataTable Data(SheetTable table)
    {
        var data = new DataTable(table.Name) { Locale = CultureInfo.InvariantCulture };
        foreach (var name in table.Header)
            data.Columns.Add(StoredText(name), typeof(object));

        foreach (var row in table.Rows)
        {
            var values = new object[table.Header.Count];
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = c >= row.Count ? string.Empty
                    : row[c].Number is { } n ? n
                    : StoredText(row[c].Text ?? string.Empty);
            }

            data.Rows.Add(values);
        }

        return data;
    }

    /// <summary>
    /// Copies MiniExcel's package entry by entry with three changes: every entry is stamped <paramref name="stamp"/>
    /// (MiniExcel leaves the wall-clock time), the random relationship ids become rId1, rId2… in order of first appearance,
    /// and the header's font is made bold. The parts and cells are otherwise MiniExcel's own.
    /// </summary>
    private static byte[] Settle(byte[] package, DateTimeOffset stamp)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                string text;
                using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
                    text = reader.ReadToEnd();

                text = RandomRelationshipId().Replace(text, m =>
                {
                    var id = m.Groups[1].Value;
                    if (!ids.TryGetValue(id, out var stable))
                        ids[id] = stable = "rId" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
                    return $"\"{stable}\"";
                });
                if (entry.FullName == "xl/styles.xml")
                    text = BoldHeader(text);

                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp.Year is >= 1980 and < 2107 ? stamp : ZipEpoch; // what a zip header can hold
                using var stream = copy.Open();
                var bytes = new UTF8Encoding(false).GetBytes(text);
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }

    private static string BoldHeader(string styles)
    {
        var document = XDocument.Parse(styles, LoadOptions.PreserveWhitespace);
        var formats = document.Root?.Element(Main + "cellXfs")?.Elements(Main + "xf").ToList();
        var fonts = document.Root?.Element(Main + "fonts")?.Elements(Main + "font").ToList();
        if (formats is null || fonts is null || formats.Count <= HeaderFormat
            || !int.TryParse((string?)formats[HeaderFormat].Attribute("fontId"), CultureInfo.InvariantCulture, out var fontId) || fontId >= fonts.Count)
        {
            throw new InvalidOperationException("MiniExcel's styles.xml has no header cell format: has its table style changed?");
        }

        if (fonts[fontId].Element(Main + "b") is null)
            fonts[fontId].AddFirst(new XElement(Main + "b"));
        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar) && !text.Any(char.IsSurrogate))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
        }

        return safe.ToString();
    }
}
