using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Bulletins;

namespace MediaMatrix.IntegrationTests.Bulletins;

/// <summary>
/// The acceptance of the bulletin: the real binary, the demo matrix served by the simulator, this quarter's bulletin in
/// every format. The XLSX is read back by openpyxl, the HTML by AngleSharp, and the numbers are compared with <c>check</c>
/// run on the same simulator at the same instant. One account's name and department are made hostile in the config.
/// </summary>
public sealed class BulletinCommandTests
{
    private const string HostileName = "=HYPERLINK(\"http://evil.example\",\"点我\") <img src=x onerror=alert(1)>";
    private const string HostileDepartment = "@cmd|' /C calc'!A0";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Bulletin_DemoMatrix_AllFormats_ReadBackAndAgreeWithCheck()
    {
        await using var simulator = await DemoSimulator.StartAsync();
        var config = await HostileConfigAsync(simulator.ConfigPath);
        var output = Directory.CreateTempSubdirectory("mm-bulletin-").FullName;
        try
        {
            var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
            var instant = now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
            var quarter = $"{now.Year}Q{(now.Month - 1) / 3 + 1}";

            var check = await CliProcess.RunAsync(Timeout, "check", "--config", config, "--now", instant);
            var bulletin = await CliProcess.RunAsync(Timeout, "bulletin", "--config", config, "--quarter", quarter, "--out", output, "--now", instant);

            Assert.True(check.ExitCode == 0, check.Stderr);
            Assert.True(bulletin.ExitCode == 0, bulletin.Stderr);
            var paths = bulletin.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal([.. new[] { "html", "xlsx", "csv" }.Select(f => Path.Combine(output, $"bulletin-{quarter}.{f}"))], paths);

            using var report = JsonDocument.Parse(check.Stdout);
            var expected = Expected.From(report.RootElement);
            Assert.Equal(21, expected.Checked);
            Assert.True(expected.Unqualified > 0 && expected.Unknown > 0, "the demo has unqualified and unreadable accounts");

            await AssertXlsxAsync(paths[1], expected);
            AssertHtml(await File.ReadAllTextAsync(paths[0]), expected);
            AssertCsv(await File.ReadAllBytesAsync(paths[2]), expected);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
            File.Delete(config);
        }
    }

    [Theory]
    [InlineData("--quarter", "2026Q5", "--quarter")]
    [InlineData("--month", "2026-13", "--month")]
    [InlineData("--quarter", "2026-11", "is a month")]
    public async Task Bulletin_BadPeriod_IsAUsageErrorSayingHowToWriteIt(string flag, string value, string message)
    {
        var (exit, _, stderr) = await CliProcess.RunAsync(Timeout, "bulletin", "--config", "whatever.yaml", flag, value);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Contains("2026Q4", stderr, StringComparison.Ordinal);
    }

    private static async Task AssertXlsxAsync(string path, Expected expected)
    {
        using var workbook = await OpenpyxlReader.ReadAsync(path);
        var root = workbook.RootElement;
        Assert.Equal(
            [BulletinTables.Summary, BulletinTables.Change, BulletinTables.Unqualified, BulletinTables.Problems, BulletinTables.Content, BulletinTables.Weak, BulletinTables.ZombieOrDormant,
             BulletinTables.Cases, BulletinTables.Departments, BulletinTables.Tasks, BulletinTables.Accounts, BulletinTables.Year],
            root.GetProperty("sheets").EnumerateArray().Select(s => s.GetString()));
        Assert.All(root.GetProperty("headerBold").EnumerateObject(), p => Assert.True(p.Value.GetBoolean(), $"{p.Name} header not bold"));

        var cells = root.GetProperty("cells");
        var summary = Pairs(cells.GetProperty(BulletinTables.Summary));
        Assert.Equal(expected.Checked, summary["检查账号数"].GetInt32());
        Assert.Equal(expected.Qualified, summary["合格"].GetInt32());
        Assert.Equal(expected.Unqualified, summary["不合格"].GetInt32());
        Assert.Equal(expected.Unknown, summary["数据不足（未评判）"].GetInt32());
        Assert.Equal(expected.PassRate, summary["合格率"].GetDouble());

        Assert.Equal(expected.UnqualifiedIds, Column(cells.GetProperty(BulletinTables.Unqualified), 6)); // the id is the last column
        var details = cells.GetProperty(BulletinTables.Accounts).EnumerateArray().Skip(1).ToList();
        Assert.Equal(expected.Verdicts, details.ToDictionary(r => Text(r[13]), r => Text(r[4])));

        // Formula-like config text is text that starts with the apostrophe, and nothing in the workbook is a formula.
        var hostile = details.Single(r => Text(r[13]) == "dh-police-dy");
        Assert.Equal(("'" + HostileName, "s"), (Text(hostile[0]), hostile[0].GetProperty("t").GetString()));
        Assert.Equal("'" + HostileDepartment, Text(hostile[1]));
        var types = cells.EnumerateObject().SelectMany(s => s.Value.EnumerateArray()).SelectMany(r => r.EnumerateArray())
            .Select(c => c.GetProperty("t").GetString()).Distinct().ToList();
        Assert.DoesNotContain("f", types);
    }

    private static void AssertHtml(string html, Expected expected)
    {
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal(
            [BulletinTables.Summary, BulletinTables.Change, BulletinTables.Unqualified, BulletinTables.Problems, BulletinTables.Content, BulletinTables.Weak,
             BulletinTables.ZombieOrDormant, BulletinTables.Cases, BulletinTables.Departments, BulletinTables.Tasks, BulletinTables.Accounts, BulletinTables.Year],
            document.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Empty(document.QuerySelectorAll("script, img, iframe, [href], [src]"));
        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));

        var lead = document.QuerySelector("p.lead")!.TextContent;
        Assert.Contains($"共检查政务新媒体账号{expected.Checked}个，其中合格{expected.Qualified}个，不合格{expected.Unqualified}个", lead, StringComparison.Ordinal);
        Assert.Contains(BulletinTables.Percent(expected.PassRate), lead, StringComparison.Ordinal);

        var section = document.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")!.TextContent == BulletinTables.Accounts);
        var rows = section.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal(expected.Checked, rows.Count);
        Assert.Equal(HostileName, rows.Single(r => r[13] == "dh-police-dy")[0]); // shown as the text it is
    }

    private static void AssertCsv(byte[] csv, Expected expected)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        Assert.Contains($"检查账号数,{expected.Checked}\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"不合格,{expected.Unqualified}\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\") <img src=x onerror=alert(1)>\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", text, StringComparison.Ordinal);
    }

    private static async Task<string> HostileConfigAsync(string demoConfig)
    {
        var yaml = await File.ReadAllTextAsync(demoConfig);
        var hostile = yaml
            .Replace("name: 定海公安\n", $"name: '{HostileName.Replace("'", "''", StringComparison.Ordinal)}'\n", StringComparison.Ordinal)
            .Replace("department: 公安分局\n", $"department: '{HostileDepartment.Replace("'", "''", StringComparison.Ordinal)}'\n", StringComparison.Ordinal);
        Assert.NotEqual(yaml, hostile);
        var path = Path.Combine(Path.GetTempPath(), $"mm-bulletin-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, hostile);
        return path;
    }

    private static Dictionary<string, JsonElement> Pairs(JsonElement sheet) =>
        sheet.EnumerateArray().Skip(1).ToDictionary(r => Text(r[0]), r => r[1].GetProperty("v"));

    private static List<string> Column(JsonElement sheet, int index) => [.. sheet.EnumerateArray().Skip(1).Select(r => Text(r[index]))];

    private static string Text(JsonElement cell) => cell.GetProperty("v").GetString() ?? string.Empty;

    /// <summary>What <c>check</c> said: the numbers the bulletin must repeat.</summary>
    private sealed record Expected(int Checked, int Qualified, int Unqualified, int Unknown, double PassRate, List<string> UnqualifiedIds, Dictionary<string, string> Verdicts)
    {
        public static Expected From(JsonElement report)
        {
            var s = report.GetProperty("summary");
            var accounts = report.GetProperty("accounts").EnumerateArray().ToList();
            return new Expected(
                s.GetProperty("checked").GetInt32(), s.GetProperty("qualified").GetInt32(), s.GetProperty("unqualified").GetInt32(),
                s.GetProperty("unknown").GetInt32(), s.GetProperty("passRate").GetDouble(),
                [.. accounts.Where(a => a.GetProperty("verdict").GetString() == "unqualified").Select(a => a.GetProperty("id").GetString()!)],
                accounts.ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("verdict").GetString() switch
                {
                    "qualified" => "合格",
                    "unqualified" => "不合格",
                    _ => "数据不足",
                }));
        }
    }
}
