using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace MediaMatrix.Monitoring.Bulletins;

/// <summary>
/// The bulletin as one self-contained HTML page to print or mail: inline CSS, no script, no external resource, and a CSP
/// that forbids both should anything slip in. Account names, departments, reasons and task titles come from config and
/// scraped pages, so every string goes through one encoder (reliability X1); it leaves CJK as readable text. Links
/// (a task's head post) are shown as text, never as <c>href</c>: a bulletin is read, not browsed, and a scraped
/// <c>javascript:</c> URL must never become clickable.
/// </summary>
public static class BulletinHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    // Printed by an office on A4: page numbers in the bottom margin box (Chromium 131+, Prince, WeasyPrint; elsewhere the
    // browser's own header/footer), wide tables on landscape pages of their own (named pages), header rows repeated on
    // every page, rows kept whole, and long reasons and scraped titles wrapping inside their cell instead of widening it.
    private const string Style = """
        @page{size:A4;margin:16mm 14mm 18mm;@bottom-center{content:"第 " counter(page) " 页 / 共 " counter(pages) " 页";font-size:9pt;color:#444}}
        @page wide{size:A4 landscape;margin:14mm 12mm 16mm}
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei","SimSun",sans-serif;margin:2em auto;max-width:72em;color:#222;line-height:1.5}
        h1{font-size:1.5em;text-align:center}h2{font-size:1.15em;border-bottom:1px solid #999;margin-top:1.6em}
        table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top;overflow-wrap:anywhere}
        th{background:#eee}td.n{text-align:right;white-space:nowrap}p.none{color:#666}p.lead{font-size:1.05em}
        @media print{
        body{margin:0;max-width:none;font-size:10.5pt;color:#000}
        h1{font-size:16pt}h2{font-size:12pt;break-after:avoid}
        table{font-size:9pt}thead{display:table-header-group}tr{break-inside:avoid}
        th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}
        section.wide{page:wide}
        }
        """;

    // Tables with this many columns or more are printed on landscape pages: on A4 portrait each column would be a few
    // characters wide.
    private const int WideColumns = 9;

    public static string Render(Bulletin bulletin)
    {
        var title = $"{bulletin.MatrixName}{bulletin.Period.ChineseName}检查情况通报";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n")
            .Append("<p class=\"lead\">").Append(E(Lead(bulletin))).Append("</p>\n");

        foreach (var table in BulletinTables.Of(bulletin))
        {
            AppendTable(html, table);
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The opening sentence: what was checked and how it went, as bulletins word it.</summary>
    public static string Lead(Bulletin b)
    {
        var f = b.Figures;
        var at = TimeZoneInfo.ConvertTime(b.EvaluatedAt, BulletinTables.ZoneOf(b)).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
        var lead = $"截至{at}，按“{b.Pack.Title}”（{b.Pack.Label}）检查规则，本期共检查政务新媒体账号{f.Checked}个，其中合格{f.Qualified}个，不合格{f.Unqualified}个，" +
            $"数据不足未评判{f.Unknown}个，合格率{BulletinTables.Percent(f.PassRate)}；弱运营账号{f.Weak}个，僵尸账号{f.Zombie}个，休眠账号{f.Dormant}个。";
        return b.Change.PreviousFigures is null
            ? lead + $"上期（{b.Change.Previous.Label}）无留存检查记录，变化情况为 {BulletinTables.NotAvailable}。"
            : lead + $"与上期（{b.Change.Previous.Label}）相比，合格率变化{Signed(b.Change.PassRatePointsDelta)}个百分点。";
    }

    private static void AppendTable(StringBuilder html, SheetTable table)
    {
        html.Append(table.Header.Count >= WideColumns ? "<section class=\"wide\">\n<h2>" : "<section>\n<h2>").Append(E(table.Name)).Append("</h2>\n");
        if (table.Rows.Count == 0)
        {
            html.Append("<p class=\"none\">无</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<thead><tr>");
        foreach (var header in table.Header)
        {
            html.Append("<th>").Append(E(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append(cell.IsNumber ? "<td class=\"n\">" : "<td>").Append(E(Display(cell))).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string Display(SheetCell cell) =>
        cell.Number is { } n ? n.ToString("0.####", CultureInfo.InvariantCulture) : cell.Text ?? string.Empty;

    private static string Signed(double? value) =>
        value is { } v ? (v > 0 ? "+" : string.Empty) + v.ToString("0.##", CultureInfo.InvariantCulture) : BulletinTables.NotAvailable;

    private static string E(string text) => Encoder.Encode(text);
}
