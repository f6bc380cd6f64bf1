using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Simulator;
using MediaMatrix.Simulator.Cast;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaMatrix.IntegrationTests.Collection;

/// <summary>The collection stage as the host wires it (fetcher → poller → in-memory store), for a matrix config.</summary>
internal sealed class CollectionRig : IDisposable
{
    public static readonly FetchOptions FastFetch = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(10),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
    };

    private CollectionRig(MatrixConfig matrix, FetchOptions fetch, PollOptions poll)
    {
        Matrix = matrix;
        Fetcher = new SourceFetcher(SourceHttpClient.Create(fetch, matrix.Matrix.AllowPrivateNetworks), fetch, TimeProvider.System);
        Store = new InMemoryPostStore(new StoreOptions());
        var schedule = new PollSchedule(poll);
        Poller = new AccountPoller(Fetcher, Store, matrix, schedule, poll, TimeProvider.System, NullLogger<AccountPoller>.Instance);
        Dispatcher = new PollDispatcher(Store, Poller, matrix, schedule, poll, fetch, TimeProvider.System, NullLogger<PollDispatcher>.Instance);
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

    public void Dispose() => Fetcher.Dispose();
}
