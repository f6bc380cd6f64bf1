using System.Diagnostics;
using MediaMatrix.Simulator;
using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// The simulator in a child process (this same binary, verb <c>simulator</c>), so the monitor's CPU time and peak RSS
/// are its own. It still shares the two cores: the floor run in the same session pays the same.
/// </summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly Process process;

    private SimulatorProcess(Process process, Uri baseUrl, IReadOnlyList<SimulatedAccount> cast)
    {
        this.process = process;
        BaseUrl = baseUrl;
        Cast = cast;
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<SimulatedAccount> Cast { get; }

    /// <param name="shape"><c>html</c>: every member an HTML list page padded to <paramref name="pageBytes"/> (E1's corpus);
    /// <c>mixed</c>: <see cref="SyntheticCast"/>'s rotation of feeds and lean pages; <c>flagged</c>: the same with one member in ten quiet (unqualified).</param>
    public static async Task<SimulatorProcess> StartAsync(string shape, int members, int pageBytes)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(SimulatorProcess).Assembly.Location, "simulator", "--shape", shape, "--members", members.ToString(System.Globalization.CultureInfo.InvariantCulture), "--page-bytes", pageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("simulator did not start");
        var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("simulator exited before printing its URL");
        return new SimulatorProcess(process, new Uri(line), CastOf(shape, members, pageBytes));
    }

    public static IReadOnlyList<SimulatedAccount> CastOf(string shape, int members, int pageBytes) => shape switch
    {
        "html" => [.. SyntheticCast.Create(0), .. Enumerable.Range(1, members).Select(i => new SimulatedAccount(
            $"sim-{i:D6}", $"模拟账号{i}", "website", "member", "区政府办公室", Topic.Government, SourceFormat.HtmlList,
            AccountBehaviour.Active, HtmlPageBytes: pageBytes))],
        "mixed" => SyntheticCast.Create(members, pageBytes),
        // M1's cast: every tenth member stopped posting 15–25 days ago, so one account in ten is unqualified (flagged),
        // as a real matrix has some; an all-active cast would leave the flagged-series cap untested.
        "flagged" => [.. SyntheticCast.Create(members, pageBytes).Select((a, i) => i > 0 && i % 10 == 0 ? a with { Behaviour = AccountBehaviour.Quiet } : a)],
        _ => throw new ArgumentException($"unknown cast shape '{shape}'; use html or mixed", nameof(shape)),
    };

    /// <summary>The child's side: serve until stdin closes.</summary>
    public static async Task<int> ServeAsync(RunArguments args)
    {
        var cast = CastOf(args.Text("shape") ?? "html", args.Int("members", 100), args.Int("page-bytes", 100_000));
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0, Cast = cast }, CancellationToken.None);
        Console.WriteLine(host.BaseUrl.AbsoluteUri);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }
}
