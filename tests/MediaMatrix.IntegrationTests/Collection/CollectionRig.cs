using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Simulator;
using MediaMatrix.Simulator.Cast;
using MediaMatrix.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaMatrix.IntegrationTests.Collection;

/// <summary>The collection stage from the host's own registrations (fetcher → poller → dispatcher → in-memory store), for a matrix config.</summary>
internal sealed class CollectionRig : IDisposable
{
    public static readonly FetchOptions FastFetch = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(10),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
    };

    private readonly ServiceProvider _provider;

    private CollectionRig(MatrixConfig matrix, FetchOptions fetch, PollOptions poll)
    {
        Matrix = matrix;
        // The host's own registrations (memory store by default), then the test's fetch and poll options in place of
        // the settings sections, as a test override does: after every registration.
        var settings = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging().AddMatrix(matrix).AddStore(settings).AddCollection(settings);
        services.Replace(ServiceDescriptor.Singleton(fetch.Validate()));
        services.Replace(ServiceDescriptor.Singleton(poll.Validate()));
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Fetcher = _provider.GetRequiredService<SourceFetcher>();
        Store = (InMemoryPostStore)_provider.GetRequiredService<IPostStore>();
        Poller = _provider.GetRequiredService<AccountPoller>();
        Dispatcher = _provider.GetRequiredService<PollDispatcher>();
    }

    public MatrixConfig Matrix { get; }

    public SourceFetcher Fetcher { get; }

    public InMemoryPostStore Store { get; }

    public AccountPoller Poller { get; }

    public PollDispatcher Dispatcher { get; }

    public static CollectionRig ForSimulator(SimulatorHost simulator, IReadOnlyList<SimulatedAccount> cast, FetchOptions? fetch = null, PollOptions? poll = null) =>
        ForYaml(DemoMatrixYaml.Render(simulator.BaseUrl, cast), fetch, poll);

    public static CollectionRig ForYaml(string yaml, FetchOptions? fetch = null, PollOptions? poll = null)
    {
        var loaded = MatrixConfigLoader.LoadFromText(yaml, "matrix.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return new CollectionRig(loaded.Config!, fetch ?? FastFetch, poll ?? new PollOptions());
    }

    public Account Account(string id) => Matrix.Accounts.Single(a => a.Id == id);

    /// <summary>Polls the account with its stored state, as the dispatcher would.</summary>
    public async Task<PollReport> PollAsync(string id)
    {
        var states = await Store.GetPollStatesAsync([id], CancellationToken.None);
        return await Poller.PollAsync(Account(id), states.GetValueOrDefault(id), CancellationToken.None);
    }

    public void Dispose() => _provider.Dispose();
}
