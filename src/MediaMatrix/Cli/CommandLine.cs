using System.Runtime.InteropServices;

namespace MediaMatrix.Cli;

/// <summary>The verbs of <c>mediamatrix</c>. Exit codes: 0 done, 1 bad config or input, 2 usage.</summary>
internal static class CommandLine
{
    public const string Usage = """
        usage: mediamatrix <verb> [options]

          validate --config FILE                 check a matrix config; every problem with file, line and field
          check    --config FILE [--now ISO8601] [--format json|table] [--store memory|redis] [--redis HOST:PORT]
                                                 poll every account once, evaluate at --now, print the report
          bulletin --config FILE --quarter 2026Q4 | --month 2026-11 [--format html|xlsx|csv|all] [--out DIR] [--now ISO8601] [--store memory|redis]
                                                 poll every account once, write the period's bulletin (通报) files, print their paths
          serve    --config FILE [--urls URL] [--store memory|redis] [--redis HOST:PORT]
                                                 run the monitor: scheduled polls, evaluation, web page, /metrics, /healthz
          demo     [--urls URL] [--sim-port PORT] start the simulator and serve the bundled demo matrix
          simulate [--port PORT] [--seed N]      serve the demo matrix's sources on loopback
          digest   --config FILE (--preview FILE | --send-now) [--store memory|redis] [--redis HOST:PORT]
                                                 write this week's digest as HTML, or send it now (once per recipient per week)
          healthcheck [--url URL]                exit 0 when the monitor's /healthz answers (container HEALTHCHECK)
          profile test --config FILE --profile NAME --url URL [--kind html|json|feed]
                                                 fetch one page and print what the profile extracts (and what it cannot)
          registry --config FILE --file REGISTRY.xlsx|.csv [--dry-run] [--format text|json]
                                                 import the account registry (备案登记表): print the changes and flags, write them unless --dry-run
          hash-password                          read a password on stdin, print its hash for Auth:Users (docs/access.md)

        settings: appsettings.json < environment (e.g. Redis__Configuration=127.0.0.1:6379) < flags
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var cli = new CliArguments(args);
        if (cli.Errors.Count > 0)
        {
            foreach (var error in cli.Errors)
            {
                await Console.Error.WriteLineAsync(error);
            }

            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        // Kubernetes and systemd stop a process with SIGTERM: stop as gracefully as on Ctrl+C.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        try
        {
            return await RunVerbAsync(cli, stop.Token);
        }
        catch (Exception error) when (Hosting.SettingsException.Find(error) is { } settings)
        {
            foreach (var problem in settings.Problems)
            {
                await Console.Error.WriteLineAsync($"mediamatrix: settings: {problem}");
            }

            return 1;
        }
    }

    private static async Task<int> RunVerbAsync(CliArguments cli, CancellationToken stop)
    {
        return cli.Verb switch
        {
            "validate" => await ValidateCommand.RunAsync(cli),
            "check" => await CheckCommand.RunAsync(cli, stop),
            "bulletin" => await BulletinCommand.RunAsync(cli, stop),
            "serve" => await ServeCommand.RunAsync(cli, demo: null, stop),
            "demo" => await DemoCommand.RunAsync(cli, stop),
            "simulate" => await SimulateCommand.RunAsync(cli, stop),
            "digest" => await DigestCommand.RunAsync(cli, stop),
            "healthcheck" => await HealthcheckCommand.RunAsync(cli, stop),
            "profile" => await ProfileCommand.RunAsync(cli, stop),
            "registry" => await RegistryCommand.RunAsync(cli, stop),
            "hash-password" => await HashPasswordCommand.RunAsync(),
            "help" or "--help" or "-h" => PrintUsage(Console.Out, 0),
            _ => PrintUsage(Console.Error, 2),
        };
    }

    private static int PrintUsage(TextWriter writer, int code)
    {
        writer.WriteLine(Usage);
        return code;
    }
}
