using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Simulator;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// The engine wired as <c>check</c> wires it (fetcher → poller → dispatcher → Redis store), with the matrix config the
/// simulator's cast renders. The simulator is one host: the per-host limit is raised to the parallelism, because a
/// real matrix spreads its accounts over many hosts.
/// </summary>
internal sealed class MonitorUnderTest : IDisposable
{
    private MonitorUnderTest(MatrixConfig matrix, SourceFetcher fetcher, IPostStore store, IEvaluationStore evaluations, PollOptions polling, FetchOptions fetch)
    {
        Matrix = matrix;
        Fetcher = fetcher;
        Store = store;
        Evaluations = evaluations;
        var schedule = new PollSchedule(polling);
        Poller = new AccountPoller(fetcher, store, matrix, schedule, polling, TimeProvider.System, NullLogger<AccountPoller>.Instance);
        Dispatcher = new PollDispatcher(store, Poller, matrix, schedule, polling, fetch, TimeProvider.System, NullLogger<PollDispatcher>.Instance);
    }

    public MatrixConfig Matrix { get; }

    public SourceFetcher Fetcher { get; }

    public IPostStore Store { get; }

    public IEvaluationStore Evaluations { get; }

    public AccountPoller Poller { get; }

    public PollDispatcher Dispatcher { get; }

    public static MonitorUnderTest Create(SimulatorProcess simulator, IConnectionMultiplexer redis, string keyPrefix, int parallelism = 16)
    {
        var matrix = LoadMatrix(simulator);
        var fetch = new FetchOptions { MaxConcurrencyPerHost = parallelism, MaxRetries = 0 };
        var fetcher = new SourceFetcher(SourceHttpClient.Create(fetch, allowPrivateNetworks: true), fetch, TimeProvider.System);
        var options = new StoreOptions { KeyPrefix = keyPrefix };
        return new MonitorUnderTest(matrix, fetcher, new RedisPostStore(redis, options), new RedisEvaluationStore(redis, options), new PollOptions { Parallelism = parallelism }, fetch);
    }

    public static MatrixConfig LoadMatrix(SimulatorProcess simulator)
    {
        var loaded = MatrixConfigLoader.LoadFromText(DemoMatrixYaml.Render(simulator.BaseUrl, simulator.Cast), "bench.yaml");
        return loaded.Config ?? throw new InvalidOperationException("bench matrix invalid: " + string.Join("; ", loaded.Errors));
    }

    public void Dispose() => Fetcher.Dispose();
}
