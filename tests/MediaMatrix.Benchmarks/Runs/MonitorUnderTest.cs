using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// The engine as <c>check</c> builds it (the host's store, collection and evaluation registrations: fetcher → poller →
/// dispatcher → Redis store, and the evaluation round), with the matrix config the simulator's cast renders. The simulator is one host: the per-host limit
/// is raised to the parallelism, because a real matrix spreads its accounts over many hosts.
/// </summary>
internal sealed class MonitorUnderTest : IDisposable
{
    private readonly ServiceProvider _provider;

    private MonitorUnderTest(MatrixConfig matrix, ServiceProvider provider)
    {
        Matrix = matrix;
        _provider = provider;
        Fetcher = provider.GetRequiredService<SourceFetcher>();
        Store = provider.GetRequiredService<IPostStore>();
        Evaluations = provider.GetRequiredService<IEvaluationStore>();
        Poller = provider.GetRequiredService<AccountPoller>();
        Dispatcher = provider.GetRequiredService<PollDispatcher>();
        Round = provider.GetRequiredService<EvaluationRound>();
    }

    public MatrixConfig Matrix { get; }

    public SourceFetcher Fetcher { get; }

    public IPostStore Store { get; }

    public IEvaluationStore Evaluations { get; }

    public AccountPoller Poller { get; }

    public PollDispatcher Dispatcher { get; }

    public EvaluationRound Round { get; }

    public static MonitorUnderTest Create(SimulatorProcess simulator, IConnectionMultiplexer redis, string keyPrefix, int parallelism = 16)
    {
        var matrix = LoadMatrix(simulator);
        var perRun = parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Kind"] = "redis",
            ["Store:KeyPrefix"] = keyPrefix,
            ["Fetch:MaxConcurrencyPerHost"] = perRun,
            ["Fetch:MaxRetries"] = "0",
            ["Polling:Parallelism"] = perRun,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddMatrix(matrix).AddStore(settings).AddCollection(settings).AddEvaluation(settings).AddAlerts(settings);
        // The run's own connection (it also flushes and reads the keys), in place of the one the store would open.
        services.Replace(ServiceDescriptor.Singleton(redis));
        return new MonitorUnderTest(matrix, services.BuildServiceProvider());
    }

    public static MatrixConfig LoadMatrix(SimulatorProcess simulator)
    {
        var loaded = MatrixConfigLoader.LoadFromText(DemoMatrixYaml.Render(simulator.BaseUrl, simulator.Cast), "bench.yaml");
        return loaded.Config ?? throw new InvalidOperationException("bench matrix invalid: " + string.Join("; ", loaded.Errors));
    }

    public void Dispose() => _provider.Dispose();
}
