using MediaMatrix.Monitoring.Bulletins;

namespace MediaMatrix.Monitoring.Tests.Bulletins;

public sealed class BulletinCsvTests
{
    [Theory]
    [InlineData("区住建局", "区住建局")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("他说\"好\"", "\"他说\"\"好\"\"\"")]
    [InlineData("第一行\n第二行", "\"第一行\n第二行\"")]
    [InlineData("x\ry", "\"x\ry\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    public void Field_QuotesPerRfc4180_AfterNeutralising(string text, string expected) =>
        Assert.Equal(expected, BulletinCsv.Field(SheetCell.Of(text)));

    [Fact]
    public void Render_StartsWithABom_EndsLinesWithCrLf_AndEachTableIsASection()
    {
        var tables = new[]
        {
            new SheetTable("概况", ["项目", "数值"], [[SheetCell.Of("合格"), SheetCell.Of(17)], [SheetCell.Of("合格率"), SheetCell.Of(0.85)]]),
            new SheetTable("不合格账号", ["名称", "原因"], [[SheetCell.Of("定海住建"), SheetCell.Of("单项否决，14天内无更新")]]),
        };

        var rows = CsvReader.Read(BulletinCsv.Render(tables));

        Assert.Equal(["概况"], rows[0]);
        Assert.Equal(["项目", "数值"], rows[1]);
        Assert.Equal(["合格", "17"], rows[2]);
        Assert.Equal(["合格率", "0.85"], rows[3]);
        Assert.Equal([""], rows[4]);
        Assert.Equal(["不合格账号"], rows[5]);
        Assert.Equal(["定海住建", "单项否决，14天内无更新"], rows[7]);
    }
}
