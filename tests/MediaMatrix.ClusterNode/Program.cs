namespace MediaMatrix.ClusterNode;

/// <summary>
/// <c>quartz --postgres CONN --ledger CONN --instance ID</c>: one clustered Quartz node running the ledger jobs, until
/// SIGTERM, Ctrl+C or SIGKILL. <c>claim-loop --redis HOST:PORT --prefix P --replica NAME --interval MS --tick MS
/// --out FILE --stop-file FILE</c>: one dispatch replica (<see cref="ClaimLoop"/>). Says <c>ready</c> on stdout once running.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync("usage: quartz … | claim-loop … (see Program.cs)");
            return 2;
        }

        var options = Arguments(args[1..]);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        return args[0] switch
        {
            "quartz" => await QuartzNodeRun.RunAsync(options, stop.Token),
            "claim-loop" => await ClaimLoop.RunAsync(options, stop.Token),
            _ => 2,
        };
    }

    private static Dictionary<string, string> Arguments(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }
}
