using System.Globalization;
using System.Text;
using MediaMatrix.Monitoring.Worklist;
using Microsoft.Extensions.Localization;

namespace MediaMatrix.Web;

/// <summary>
/// The pass rate week by week as server-side SVG, like the score chart: a point per week with a rate, gaps where no
/// account was judged, each point titled with its week and counts so a hover (or a screen reader) reads the figure.
/// </summary>
internal static class TrendChart
{
    private const int Width = 640, Height = 200, Pad = 36, Bottom = 28;

    public static string PassRate(IReadOnlyList<WeekPassRate> weeks, IStringLocalizer l)
    {
        var html = new StringBuilder(4096);
        var title = l["近{0}周合格率", weeks.Count];
        html.Append(CultureInfo.InvariantCulture, $"""<svg class="pass-rate" role="img" aria-label="{Html.E(title)}" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" xmlns="http://www.w3.org/2000/svg"><title>{Html.E(title)}</title>""");
        html.Append(CultureInfo.InvariantCulture, $"""<rect x="{Pad}" y="4" width="{Width - Pad - 4}" height="{Height - Bottom - 4}" fill="#fff" stroke="#cbd2d9"/>""");
        foreach (var tick in new[] { 0, 50, 100 })
        {
            html.Append(CultureInfo.InvariantCulture, $"""<line x1="{Pad}" x2="{Width - 4}" y1="{Y(tick / 100.0):0.#}" y2="{Y(tick / 100.0):0.#}" stroke="#e4e7eb"/><text x="2" y="{Y(tick / 100.0) + 4:0.#}">{tick}%</text>""");
        }

        var step = (double)(Width - Pad - 24) / Math.Max(1, weeks.Count - 1);
        double X(int i) => Pad + 10 + (i * step);
        var segment = new List<string>();
        void Flush()
        {
            if (segment.Count > 1)
                html.Append(CultureInfo.InvariantCulture, $"""<polyline points="{string.Join(' ', segment)}" fill="none" stroke="#1f3a5f" stroke-width="2"/>""");
            segment.Clear();
        }

        for (var i = 0; i < weeks.Count; i++)
        {
            if (weeks[i].Rate is not { } rate)
            {
                Flush();
                continue;
            }

            segment.Add(string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(rate):0.#}"));
        }

        Flush();
        for (var i = 0; i < weeks.Count; i++)
        {
            var week = weeks[i];
            var label = week.Monday.ToString("MM-dd", CultureInfo.InvariantCulture);
            if (i % 2 == weeks.Count % 2 || i == weeks.Count - 1)
                html.Append(CultureInfo.InvariantCulture, $"""<text x="{X(i) - 14:0.#}" y="{Height - 10}">{label}</text>""");
            if (week.Rate is not { } rate)
                continue;
            var text = l["{0} 起一周：合格 {1}/{2}（{3}%）", week.Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), week.Qualified, week.Judged, (rate * 100).ToString("0", CultureInfo.InvariantCulture)];
            html.Append(CultureInfo.InvariantCulture, $"""<circle cx="{X(i):0.#}" cy="{Y(rate):0.#}" r="4" fill="#1f3a5f"><title>{Html.E(text)}</title></circle>""");
        }

        if (weeks.All(w => w.Rate is null))
            html.Append(CultureInfo.InvariantCulture, $"""<text x="{Pad + 12}" y="{Height / 2}">{Html.E(l["暂无已保存的检查记录"])}</text>""");
        html.Append("</svg>");
        return html.ToString();
    }

    private static double Y(double rate) => 4 + ((Height - Bottom - 8) * (1 - rate));
}
