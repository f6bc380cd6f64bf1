using System.Diagnostics;
using System.Text;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// M1 (the /metrics scrape: bytes, series, time) and U1 (the overview page: server time), measured on the real
/// <c>serve</c> process once every account has been polled and judged. Each request is timed from the client on
/// loopback, 1 warm-up then the median of 5; nothing else talks to the process meanwhile except its own scheduler.
/// </summary>
internal static class ServedPagesRun
{
    public static async Task<int> RunAsync(string id, RunArguments args)
    {
        var accounts = args.Int("accounts", id == "M1" ? 10_000 : 1_000);
        await using var redis = await RedisProcess.StartAsync();
        await using var simulator = await SimulatorProcess.StartAsync(args.Text("shape") ?? "flagged", accounts - 1, 0);
        // U1 with --report-max-age-seconds 0: every request re-inspects the matrix, as one does whenever the evaluation
        // job's report is older than Web:ReportMaxAge (30 s; the job runs every 5 min by default, every 15 s here).
        var settings = args.Text("report-max-age-seconds") is { } maxAge
            ? new Dictionary<string, string> { ["Web__ReportMaxAge"] = TimeSpan.FromSeconds(int.Parse(maxAge, System.Globalization.CultureInfo.InvariantCulture)).ToString("c", System.Globalization.CultureInfo.InvariantCulture) }
            : null;
        await using var serve = await ServeProcess.StartAsync(simulator, redis, settings);
        var settle = Stopwatch.StartNew();
        await serve.WaitForEveryAccountJudgedAsync(TimeSpan.FromSeconds(args.Int("settle-seconds", 600)));
        MachineLoad.Report(id, $"{accounts} accounts polled and judged by serve in {settle.Elapsed.TotalSeconds:0} s");

        var (median, body) = await TimeAsync(serve.Http, id == "M1" ? "metrics" : "");
        if (id == "M1")
        {
            var lines = body.Split('\n');
            var series = lines.Count(l => l.Length > 0 && l[0] != '#');
            var ours = lines.Count(l => l.StartsWith("mediamatrix_", StringComparison.Ordinal));
            var perAccount = lines.Count(l => l.StartsWith("mediamatrix_account_", StringComparison.Ordinal)
                && !l.StartsWith("mediamatrix_account_series_exported_accounts", StringComparison.Ordinal));
            string Value(string series) => lines.FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal))?.Split(' ')[^1] ?? "?";
            MachineLoad.Report(id, $"{accounts} accounts: scrape {Encoding.UTF8.GetByteCount(body) / 1024.0:0} KB, {series} series " +
                $"({ours} mediamatrix_, of which {perAccount} per-account for {Value("mediamatrix_account_series_exported_accounts")} accounts; verdicts " +
                $"qualified {Value("mediamatrix_accounts{verdict=\"qualified\"}")}, unqualified {Value("mediamatrix_accounts{verdict=\"unqualified\"}")}, " +
                $"flagged weak {Value("mediamatrix_accounts_flagged{flag=\"weak\"}")} zombie {Value("mediamatrix_accounts_flagged{flag=\"zombie\"}")} " +
                $"collection_down {Value("mediamatrix_accounts_flagged{flag=\"collection_down\"}")}), median scrape {median:0} ms");
        }
        else
        {
            MachineLoad.Report(id, $"{accounts} accounts{(settings is null ? "" : ", report re-inspected on every request")}: overview page median {median:0} ms (client-side on loopback), {Encoding.UTF8.GetByteCount(body) / 1024.0:0} KB of HTML");
        }

        return 0;
    }

    private static async Task<(double MedianMs, string Body)> TimeAsync(HttpClient http, string path)
    {
        using var check = await http.GetAsync(path);
        if (!check.IsSuccessStatusCode || check.RequestMessage?.RequestUri?.AbsolutePath != "/" + path)
        {
            throw new InvalidOperationException($"GET /{path} answered {(int)check.StatusCode} at {check.RequestMessage?.RequestUri}: not the page to time");
        }

        var body = await http.GetStringAsync(path);
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            body = await http.GetStringAsync(path);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return (times.Order().ElementAt(2), body);
    }
}
