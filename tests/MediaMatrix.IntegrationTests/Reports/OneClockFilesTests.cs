using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MediaMatrix.Digest;
using MediaMatrix.IntegrationTests.Bulletins;
using MediaMatrix.IntegrationTests.Web;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Notifications;
using MediaMatrix.Web;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMatrix.IntegrationTests.Reports;

/// <summary>
/// One clock outside the pages: the weekly digest (HTML and text), an alert notice (mail and chat), the overview CSV and
/// the bulletin's XLSX and CSV, rendered from the demo matrix's real data. Every time-like string in each is the matrix
/// zone's wall clock of an instant the document was built from (a UTC rendering would be eight hours off and match none),
/// and each names the zone exactly once.
/// </summary>
[Collection(BulletinWorkplaceCollection.Name)]
public sealed partial class OneClockFilesTests(BulletinWorkplace workplace)
{
    private TimeZoneInfo Zone => workplace.Matrix.Matrix.TimeZone;

    [Fact]
    public async Task Digest_HtmlAndText_TimesInTheMatrixZone_ZoneStatedOnce()
    {
        var report = await workplace.Host.Services.GetRequiredService<MatrixView>().ReportAsync(CancellationToken.None);
        var recipient = new DigestRecipient("office@dinghai.example.gov.cn", DigestEdition.Office, workplace.Matrix.Accounts);
        var week = new DigestWeek("2026-W49", report.EvaluatedAt, report.Summary.PassRate, [], []);
        var content = DigestContent.Build(report, recipient, week, null, new Dictionary<string, string>(), Zone, workplace.Matrix.Matrix.Name, null);

        var allowed = WallClock(content);
        AssertOneClock("digest html", System.Net.WebUtility.HtmlDecode(DigestHtml.Render(content)), allowed);
        AssertOneClock("digest text", DigestText.Render(content), allowed);
        Assert.Contains(ZoneClock.Time(report.EvaluatedAt, Zone), DigestText.Render(content), StringComparison.Ordinal);
    }

    [Fact]
    public void Notice_MailAndChat_TimesInTheMatrixZone_ZoneStatedOnce_AccountByNameAndUnit()
    {
        // 23:30 UTC is 07:30 the next morning in Beijing.
        var opened = new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero);
        var resolved = opened.AddHours(5).AddMinutes(7);
        var account = workplace.Matrix.Accounts.First(a => a.Tier == Tier.Member);
        var alert = new Alert(Alert.KeyOf(AlertKind.BecameUnqualified, account.Id, opened), AlertKind.BecameUnqualified, account.Id, AlertSeverity.Critical,
            AlertStatus.Resolved, $"{AccountLabel.Of(account)} 检查不合格", "x", opened)
        {
            ResolvedAt = resolved,
        };

        var notice = NoticeWording.For(alert, NoticeTransition.Resolved, 0, resolved, workplace.Matrix, null);
        var mail = NoticeMail.Compose(notice, "noreply@dinghai.example.gov.cn", "office@dinghai.example.gov.cn");
        var (_, json) = ChatPayloads.Build(new NoticeRoute { Id = "wecom", Kind = RouteKind.WeCom, Url = new Uri("http://127.0.0.1:9/robot") }, notice, resolved);
        var chat = JsonDocument.Parse(json).RootElement.GetProperty("markdown").GetProperty("content").GetString()!;

        HashSet<string> allowed = [ZoneClock.Time(opened, Zone), ZoneClock.Time(resolved, Zone)];
        foreach (var (what, text) in new[] { ("mail text", mail.TextBody!), ("mail html", System.Net.WebUtility.HtmlDecode(mail.HtmlBody!)), ("wecom", chat) })
        {
            AssertOneClock(what, text, allowed);
            Assert.Contains(ZoneClock.Time(opened, Zone), text, StringComparison.Ordinal);
            Assert.Contains($"{AccountLabel.Of(account)}（{account.Id}）", text, StringComparison.Ordinal); // the id beside, secondary
        }

        Assert.StartsWith($"【已恢复】{account.Name} · {account.Department}", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverviewCsv_TimesInTheMatrixZone_ZoneStatedOnceInTheHeader()
    {
        using var viewer = await workplace.Host.LogInAsync("viewer", WorkplaceHost.ViewerPassword);
        var view = workplace.Host.Services.GetRequiredService<MatrixView>();
        // A poll may land between the download and the report read: the instants of the reports before and after.
        var before = await view.ReportAsync(CancellationToken.None);
        var csv = await viewer.GetStringAsync("/reports/overview.csv");
        var after = await view.ReportAsync(CancellationToken.None);

        Assert.Contains($"last_post ({Zone.Id} {ZoneClock.Offset(Zone, after.EvaluatedAt)})", csv.Split("\r\n")[0], StringComparison.Ordinal);
        AssertOneClock("overview csv", csv, [.. WallClock(before), .. WallClock(after)], mustHaveTimes: true);
    }

    [Fact]
    public async Task BulletinXlsxAndCsv_TimesInTheMatrixZone_ZoneStatedOnce()
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone);
        var bulletin = await workplace.Host.Services.GetRequiredService<BulletinService>()
            .CreateAsync(BulletinPeriod.Quarter(now.Year, (now.Month - 1) / 3 + 1), now, CancellationToken.None);
        var allowed = WallClock(bulletin);

        var csv = BulletinCsv.Render(bulletin);
        AssertOneClock("bulletin csv", Encoding.UTF8.GetString(csv, 3, csv.Length - 3), allowed, mustHaveTimes: true);

        var path = Path.Combine(Path.GetTempPath(), $"mm-oneclock-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, BulletinXlsx.Render(bulletin));
        try
        {
            using var workbook = await OpenpyxlReader.ReadAsync(path);
            var cells = workbook.RootElement.GetProperty("cells").EnumerateObject()
                .SelectMany(sheet => sheet.Value.EnumerateArray()).SelectMany(row => row.EnumerateArray())
                .Select(c => c.GetProperty("v")).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!);
            AssertOneClock("bulletin xlsx", string.Join("\n", cells), allowed, mustHaveTimes: true);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private void AssertOneClock(string what, string text, HashSet<string> allowed, bool mustHaveTimes = false)
    {
        Assert.True(Regex.Count(text, Regex.Escape(Zone.Id)) == 1, $"{what}: the zone {Zone.Id} should be named exactly once");
        Assert.False(IsoInstant().IsMatch(text), $"{what}: an ISO 8601 instant ({IsoInstant().Match(text).Value}) where a reader expects the wall clock");
        var times = TimeLike().Matches(text).Select(m => m.Value).ToList();
        Assert.True(!mustHaveTimes || times.Count > 0, $"{what}: no times at all, nothing was checked");
        Assert.All(times, t => Assert.True(allowed.Contains(t), $"{what}: {t} is not the matrix zone's wall clock of any instant it was built from"));
    }

    /// <summary>The zone's wall clock, to the minute, of every instant reachable from <paramref name="root"/>'s public properties.</summary>
    private HashSet<string> WallClock(object root)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        void Walk(object? value, int depth)
        {
            if (value is null || depth > 10)
                return;
            if (value is DateTimeOffset instant)
            {
                found.Add(ZoneClock.Time(instant, Zone));
                return;
            }

            var type = value.GetType();
            if (value is string or Uri or TimeZoneInfo or Type || type.IsPrimitive || type.IsEnum || value is decimal or TimeSpan or DateTime
                || (!type.IsValueType && !seen.Add(value)))
                return;
            if (value is IEnumerable items)
            {
                foreach (var item in items)
                    Walk(item, depth + 1);
                return;
            }

            if (type.FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal))
            {
                foreach (var field in type.GetFields())
                    Walk(field.GetValue(value), depth + 1);
                return;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
                Walk(property.GetValue(value), depth + 1);
        }

        Walk(root, 0);
        return found;
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")]
    private static partial Regex TimeLike();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex IsoInstant();
}
