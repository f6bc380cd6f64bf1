using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace MediaMatrix.IntegrationTests.Infrastructure;

/// <summary>Runs the real <c>mediamatrix</c> binary (built beside the tests) as a child process, as a user would; or
/// another program built beside them (the cluster tests' <c>MediaMatrix.ClusterNode</c>).</summary>
public sealed partial class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private CliProcess(Process process) => _process = process;

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static CliProcess Start(params string[] args) => Start(null, args);

    public static CliProcess Start(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        StartProgram("mediamatrix.dll", environment, args);

    /// <summary>Starts <paramref name="assembly"/> (a program built into the test output folder) with <c>dotnet</c>.</summary>
    public static CliProcess StartProgram(string assembly, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => Append(cli._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(cli._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs to completion and returns the exit code.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, params string[] args) =>
        RunAsync(timeout, null, args);

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        await using var cli = Start(environment, args);
        using var cts = new CancellationTokenSource(timeout);
        await cli._process.WaitForExitAsync(cts.Token);
        cli._process.WaitForExit(); // flushes the redirected streams
        return (cli._process.ExitCode, cli.Stdout, cli.Stderr);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the process to end on its own and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // flushes the redirected streams
        return _process.ExitCode;
    }

    /// <summary>The base URL a <c>serve</c> started with <c>Urls=http://127.0.0.1:0</c> says it is serving at.</summary>
    public async Task<string> WaitForServingUrlAsync(TimeSpan timeout)
    {
        var line = await WaitForLineAsync(l => l.Contains("is serving", StringComparison.Ordinal), timeout);
        return ServingUrl().Match(line).Groups[1].Value;
    }

    /// <summary>How much stdout there is so far: pass it to <see cref="WaitForLineAsync"/> to look only at what comes later.</summary>
    public int StdoutLength
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.Length;
            }
        }
    }

    /// <summary>Waits until stdout has a line matching <paramref name="predicate"/>, from character <paramref name="from"/> on.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout, int from = 0)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            var line = Stdout[from..].Split('\n').FirstOrDefault(predicate);
            if (line is not null)
            {
                return line.Trim();
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mediamatrix exited with {_process.ExitCode}: {Stderr}");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no matching line within {timeout}; stdout: {Stdout}; stderr: {Stderr}");
    }

    [GeneratedRegex(@"at (http://127\.0\.0\.1:\d+)/")]
    private static partial Regex ServingUrl();

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
