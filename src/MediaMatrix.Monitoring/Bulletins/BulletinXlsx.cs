using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace MediaMatrix.Monitoring.Bulletins;

/// <summary>
/// The bulletin as an XLSX workbook, one sheet per table, written directly as minimal SpreadsheetML (the few parts Excel,
/// LibreOffice and openpyxl need) rather than through a large package. Text goes in inline strings (no shared-string
/// table to keep in step), neutralised by <see cref="SpreadsheetText.Neutralise"/>; numbers stay numbers; the header row
/// is bold and frozen. Characters XML 1.0 cannot carry (control characters other than tab, CR, LF) are dropped.
/// </summary>
public static class BulletinXlsx
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const int HeaderStyle = 1;

    private static readonly DateTimeOffset ZipEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Render(Bulletin bulletin) => Render(BulletinTables.Of(bulletin), bulletin.EvaluatedAt);

    /// <param name="tables">One sheet each, named after the table.</param>
    /// <param name="stamp">The entries' modification time, so the same bulletin makes the same bytes.</param>
    public static byte[] Render(IReadOnlyList<SheetTable> tables, DateTimeOffset stamp)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, stamp, "[Content_Types].xml", w => ContentTypes(w, tables.Count));
            Add(zip, stamp, "_rels/.rels", w => Relationship(w, [("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml")]));
            Add(zip, stamp, "xl/workbook.xml", w => Workbook(w, tables));
            Add(zip, stamp, "xl/_rels/workbook.xml.rels", w => Relationship(w,
            [
                .. tables.Select((_, i) => ($"rId{i + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i + 1}.xml")),
                ($"rId{tables.Count + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"),
            ]));
            Add(zip, stamp, "xl/styles.xml", Styles);
            for (var i = 0; i < tables.Count; i++)
            {
                var table = tables[i];
                Add(zip, stamp, $"xl/worksheets/sheet{i + 1}.xml", w => Sheet(w, table));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The text of a cell as the file stores it: neutralised, then stripped of what XML cannot hold.</summary>
    public static string StoredText(string text) => XmlSafe(SpreadsheetText.Neutralise(text));

    private static void Add(ZipArchive zip, DateTimeOffset stamp, string name, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp.Year is >= 1980 and < 2107 ? stamp : ZipEpoch; // what a zip header can hold
        using var stream = entry.Open();

        // Entitize keeps a CR inside a cell as &#xD;, which an XML reader would otherwise turn into LF.
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), NewLineHandling = NewLineHandling.Entitize };
        using var writer = XmlWriter.Create(stream, settings);
        writer.WriteStartDocument(standalone: true);
        write(writer);
        writer.WriteEndDocument();
    }

    private static void ContentTypes(XmlWriter w, int sheets)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        w.WriteStartElement("Types", ns);
        Default(w, ns, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(w, ns, "xml", "application/xml");
        Override(w, ns, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        Override(w, ns, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        for (var i = 1; i <= sheets; i++)
        {
            Override(w, ns, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        }

        w.WriteEndElement();

        static void Default(XmlWriter w, string ns, string extension, string type)
        {
            w.WriteStartElement("Default", ns);
            w.WriteAttributeString("Extension", extension);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }

        static void Override(XmlWriter w, string ns, string part, string type)
        {
            w.WriteStartElement("Override", ns);
            w.WriteAttributeString("PartName", part);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }
    }

    private static void Relationship(XmlWriter w, IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        w.WriteStartElement("Relationships", PackageRelationships);
        foreach (var (id, type, target) in relationships)
        {
            w.WriteStartElement("Relationship", PackageRelationships);
            w.WriteAttributeString("Id", id);
            w.WriteAttributeString("Type", type);
            w.WriteAttributeString("Target", target);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void Workbook(XmlWriter w, IReadOnlyList<SheetTable> tables)
    {
        w.WriteStartElement("workbook", Main);
        w.WriteAttributeString("xmlns", "r", null, Relationships);
        w.WriteStartElement("sheets", Main);
        for (var i = 0; i < tables.Count; i++)
        {
            w.WriteStartElement("sheet", Main);
            w.WriteAttributeString("name", tables[i].Name);
            w.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("id", Relationships, $"rId{i + 1}");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    // Two cell formats: 0 plain, 1 bold (the header). Fills 0 and 1 are the two the format reserves.
    private static void Styles(XmlWriter w)
    {
        w.WriteStartElement("styleSheet", Main);
        w.WriteRaw("""<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>""");
        w.WriteRaw("""<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>""");
        w.WriteRaw("""<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>""");
        w.WriteRaw("""<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>""");
        w.WriteRaw("""<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>""");
        w.WriteRaw("""<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>""");
        w.WriteEndElement();
    }

    private static void Sheet(XmlWriter w, SheetTable table)
    {
        w.WriteStartElement("worksheet", Main);
        w.WriteRaw("""<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>""");
        w.WriteStartElement("cols", Main);
        for (var c = 0; c < table.Header.Count; c++)
        {
            w.WriteStartElement("col", Main);
            w.WriteAttributeString("min", (c + 1).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("max", (c + 1).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("width", c == table.Header.Count - 1 ? "60" : "18");
            w.WriteAttributeString("customWidth", "1");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("sheetData", Main);
        Row(w, 1, [.. table.Header.Select(SheetCell.Of)], HeaderStyle);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            Row(w, r + 2, table.Rows[r], style: 0);
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Row(XmlWriter w, int number, IReadOnlyList<SheetCell> cells, int style)
    {
        w.WriteStartElement("row", Main);
        w.WriteAttributeString("r", number.ToString(CultureInfo.InvariantCulture));
        for (var c = 0; c < cells.Count; c++)
        {
            w.WriteStartElement("c", Main);
            w.WriteAttributeString("r", ColumnName(c) + number.ToString(CultureInfo.InvariantCulture));
            if (style != 0)
            {
                w.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
            }

            if (cells[c].Number is { } n)
            {
                w.WriteElementString("v", Main, n.ToString("R", CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteAttributeString("t", "inlineStr");
                w.WriteStartElement("is", Main);
                w.WriteStartElement("t", Main);
                w.WriteAttributeString("xml", "space", null, "preserve");
                w.WriteString(StoredText(cells[c].Text ?? string.Empty));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }

        return name;
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
