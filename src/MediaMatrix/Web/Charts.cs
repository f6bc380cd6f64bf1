using System.Globalization;
using System.Text;
using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Web;

/// <summary>SVG drawn on the server: no chart library, no CDN, nothing that runs in the browser. Every text in it passes
/// <see cref="Html.E"/>; pages embed the result as markup.</summary>
internal static class Charts
{
    private const int Cell = 12;
    private const int Row = 18;
    private const int Label = 150;

    /// <summary>Posts per local day, accounts × the last <paramref name="days"/> days, so silent stretches jump out.</summary>
    public static string Heatmap(IReadOnlyList<Account> accounts, IReadOnlyDictionary<string, IReadOnlyList<Post>> posts,
        DateTimeOffset now, int days, string title)
    {
        var html = new StringBuilder(16 * 1024);
        var today = DateOnly.FromDateTime(now.DateTime);
        var first = today.AddDays(1 - days);
        var width = Label + (days * Cell) + 4;
        var height = (accounts.Count * Row) + 16;
        html.Append(CultureInfo.InvariantCulture, $"""<svg class="heatmap" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg"><title>{Html.E(title)}</title>""");
        html.Append(CultureInfo.InvariantCulture, $"""<text x="{Label}" y="10">{first:yyyy-MM-dd}</text><text x="{width - 60}" y="10">{today:yyyy-MM-dd}</text>""");
        var counts = new int[days];
        for (var r = 0; r < accounts.Count; r++)
        {
            Array.Clear(counts);
            foreach (var post in posts.GetValueOrDefault(accounts[r].Id) ?? [])
            {
                if (post.PublishedAt is { } at)
                {
                    var day = DateOnly.FromDateTime(at.ToOffset(now.Offset).DateTime).DayNumber - first.DayNumber;
                    if (day >= 0 && day < days)
                    {
                        counts[day]++;
                    }
                }
            }

            var y = 14 + (r * Row);
            html.Append(CultureInfo.InvariantCulture, $"""<text x="0" y="{y + 12}">{Html.E(Clip(accounts[r].Name))}</text><rect x="{Label}" y="{y}" width="{days * Cell}" height="{Row - 2}" fill="#ebedf0"/>""");
            for (var d = 0; d < days; d++)
            {
                if (counts[d] > 0)
                {
                    var fill = counts[d] switch { 1 => "#9be9a8", <= 3 => "#40c463", _ => "#216e39" };
                    // The title is what a hover (or a screen reader) reads: whose day, which day, how many posts.
                    html.Append(CultureInfo.InvariantCulture, $"""<rect x="{Label + (d * Cell)}" y="{y}" width="{Cell - 1}" height="{Row - 2}" fill="{fill}"><title>{Html.E(accounts[r].Name)} {first.AddDays(d):yyyy-MM-dd}: {counts[d]}</title></rect>""");
                }
            }
        }

        return html.Append("</svg>").ToString();
    }

    /// <summary>The published (smoothed) score over the stored evaluations, with the weak threshold as a dashed line.</summary>
    public static string ScoreHistory(IReadOnlyList<EvaluationRecord> newestFirst, double weakThreshold, string title, string empty)
    {
        var html = new StringBuilder(4 * 1024);
        const int width = 600, height = 180, pad = 30;
        var points = newestFirst.Where(e => e.Score is not null).Reverse().ToList();
        html.Append(CultureInfo.InvariantCulture, $"""<svg class="score-history" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg"><title>{Html.E(title)}</title>""");
        html.Append(CultureInfo.InvariantCulture, $"""<rect x="{pad}" y="0" width="{width - pad}" height="{height - pad}" fill="#fff" stroke="#e4e7eb"/>""");
        double Y(double score) => (height - pad) * (1 - (score / 100));
        html.Append(CultureInfo.InvariantCulture, $"""<line class="threshold" x1="{pad}" x2="{width}" y1="{Y(weakThreshold):0.#}" y2="{Y(weakThreshold):0.#}" stroke="#c62828" stroke-dasharray="4 3"/><text x="0" y="{Y(weakThreshold) + 3:0.#}">{weakThreshold:0}</text><text x="0" y="10">100</text><text x="0" y="{height - pad}">0</text>""");
        if (points.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<text x="{pad + 10}" y="{height / 2}">{Html.E(empty)}</text></svg>""");
            return html.ToString();
        }

        var step = points.Count == 1 ? 0 : (double)(width - pad - 10) / (points.Count - 1);
        var line = string.Join(' ', points.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{pad + 5 + (i * step):0.#},{Y(p.Score!.Value):0.#}")));
        html.Append(CultureInfo.InvariantCulture, $"""<polyline points="{line}" fill="none" stroke="#1f3a5f" stroke-width="2"/>""");
        html.Append(CultureInfo.InvariantCulture, $"""<text x="{pad}" y="{height - 12}">{points[0].At:yyyy-MM-dd}</text><text x="{width - 70}" y="{height - 12}">{points[^1].At:yyyy-MM-dd}</text></svg>""");
        return html.ToString();
    }

    private static string Clip(string name) => name.Length > 12 ? name[..12] + "…" : name;
}
