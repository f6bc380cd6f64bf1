using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using MediaMatrix.Monitoring.Bulletins;

namespace MediaMatrix.Monitoring.Tests.Bulletins;

/// <summary>Reliability X5: formula-like cells are neutralised with a leading apostrophe, and the export reads back equal.</summary>
public sealed class SpreadsheetTextTests
{
    public static TheoryData<string, string> FormulaLike => new()
    {
        { "=1+1", "'=1+1" },
        { "+SUM(A1)", "'+SUM(A1)" },
        { "-2", "'-2" },
        { "@cmd", "'@cmd" },
        { "\tx", "'\tx" },
        { "\rx", "'\rx" },
        { "a\0b", "'ab" },
        { "=HYPERLINK(\"http://evil\",\"点我\")", "'=HYPERLINK(\"http://evil\",\"点我\")" },
    };

    [Theory]
    [MemberData(nameof(FormulaLike))]
    public void Neutralise_FormulaLikeText_GetsALeadingApostrophe(string text, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Neutralise(text));

    [Theory]
    [InlineData("定海住建")]
    [InlineData("a=b")]
    [InlineData("1+1")]
    [InlineData("")]
    [InlineData("'already quoted")]
    public void Neutralise_OrdinaryText_IsUnchanged(string text) => Assert.Equal(text, SpreadsheetText.Neutralise(text));

    [Theory]
    [MemberData(nameof(FormulaLike))]
    public void Csv_FormulaLikeText_ReadsBackAsTheNeutralisedText(string text, string expected)
    {
        var csv = BulletinCsv.Render([Table(text)]);

        var rows = CsvReader.Read(csv);
        Assert.Equal(expected, rows[2][0]);
        Assert.Equal("plain", rows[2][1]);
    }

    [Theory]
    [MemberData(nameof(FormulaLike))]
    public void Xlsx_FormulaLikeText_IsAStringCellThatReadsBackAsTheNeutralisedText(string text, string expected)
    {
        var xlsx = BulletinXlsx.Render([Table(text)], new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.FromHours(8)));

        var cell = SheetCells(xlsx).Single(c => (string?)c.Attribute("r") == "A2");
        Assert.Contains((string?)cell.Attribute("t"), StringCellTypes);
        Assert.Null(cell.Element(Main + "f"));
        // An XML reader turns a CR into LF, so the workbook stores line ends as LF (BulletinXlsx.StoredText).
        Assert.Equal(expected.Replace('\r', '\n'), CellText(cell));
    }

    [Fact]
    public void Xlsx_Numbers_StayNumbers_AndAreNotNeutralised()
    {
        var table = new SheetTable("t", ["n"], [[SheetCell.Of(-2)]]);

        var cell = SheetCells(BulletinXlsx.Render([table], default)).Single(c => (string?)c.Attribute("r") == "A2");

        Assert.Contains((string?)cell.Attribute("t"), new string?[] { null, "n" });
        Assert.Equal("-2", cell.Element(Main + "v")!.Value);
    }

    [Fact]
    public void Xlsx_ControlCharacters_AreDroppedNotEscaped()
    {
        var cell = SheetCells(BulletinXlsx.Render([Table("a\u0001b\u001Fc")], default)).Single(c => (string?)c.Attribute("r") == "A2");

        Assert.Equal("abc", CellText(cell));
    }

    [Fact]
    public void Xlsx_SameTablesAndStamp_MakeTheSameBytes()
    {
        var stamp = new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.FromHours(8));
        SheetTable[] tables = [Table("=1+1"), new("空表", ["a", "b"], [])];

        Assert.Equal(BulletinXlsx.Render(tables, stamp), BulletinXlsx.Render(tables, stamp));
        using var zip = new ZipArchive(new MemoryStream(BulletinXlsx.Render(tables, stamp)));
        // A zip header holds a wall-clock time without a zone: the stamp's own clock time.
        Assert.All(zip.Entries, e => Assert.Equal(stamp.DateTime, e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Xlsx_TableWithoutRows_KeepsItsHeader()
    {
        var xlsx = BulletinXlsx.Render([new SheetTable("空表", ["账号名称", "平台"], [])], default);

        Assert.Equal(["账号名称", "平台"], SheetCells(xlsx).Select(CellText));
    }

    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly string?[] StringCellTypes = ["str", "s", "inlineStr"];

    private static string CellText(XElement cell) =>
        cell.Element(Main + "v")?.Value ?? string.Concat(cell.Descendants(Main + "t").Select(t => t.Value));

    private static SheetTable Table(string text) => new("表", ["名称", "说明"], [[SheetCell.Of(text), SheetCell.Of("plain")]]);

    private static List<XElement> SheetCells(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        return [.. XDocument.Load(sheet).Descendants(Main + "c")];
    }
}

/// <summary>An RFC 4180 reader for the tests, written apart from the writer so it checks the writer rather than mirrors it.</summary>
internal static class CsvReader
{
    public static List<List<string>> Read(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
