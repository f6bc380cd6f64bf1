using System.Collections.Concurrent;
using System.Reflection;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Rounds;

/// <summary>One round reads each account's data once (its publication times, its posts for the checks that need text,
/// its history) and each matrix-wide input once, whoever asks (issue 11): the
/// store is the real in-memory one behind a proxy that counts every call by member and account.</summary>
public sealed class RoundReadsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly MatrixConfig Matrix = new(
        new MatrixSettings("定海区", TimeZoneInfo.Utc, AllowPrivateNetworks: false),
        [Head, Education, Schools, Culture],
        new Dictionary<string, Profile>())
    {
        Tasks = [new ClusterTask("t-1", "定海区2026年冬季征兵公告", null, T.AddDays(-10), T.AddDays(-8), [])],
    };

    public static TheoryData<string> Requests => ["look", "scheduled", "spot-check", "bulletin"];

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Round_ReadsEachAccountOnceAndEachMatrixInputOnce(string kind)
    {
        var real = InMemoryStores.Create();
        // Culture is silent for 20 days: unqualified, and its last post is older than the posts a round reads.
        foreach (var account in Matrix.Accounts)
            await real.Posts.RecordPollAsync(new PollRecord(account.Id, account == Culture ? PostsDaysAgo(20, 25, 30) : Regular(2), ReadAnHourAgo(T)), None);
        await real.Evaluations.SaveEvaluationAsync(WeakYesterday(Education), None);
        var calls = new Calls();
        var alerts = Counting<IAlertStore>(real.Alerts, calls);
        var round = new EvaluationRound(Counting<IPostStore>(real.Posts, calls), Counting<IEvaluationStore>(real.Evaluations, calls), alerts,
            Counting<ITaskStore>(real.Tasks, calls), Counting<IFindingStore>(real.Findings, calls), Matrix, Rubric, new TaskMatchOptions(), new AlertOptions(),
            new AlertService(alerts, TimeProvider.System));

        await round.RunAsync(kind switch
        {
            "look" => RoundRequest.Look(T),
            "scheduled" => RoundRequest.Scheduled(T),
            "spot-check" => new RoundRequest(T) { ApplyAlerts = true, Sample = new SpotCheck(1, 7, TimeZoneInfo.Utc) },
            _ => new RoundRequest(T) { PeriodBefore = (T.AddDays(-120), T.AddDays(-30)), CountPostsFrom = T.AddDays(-300) },
        }, None);

        var ids = Matrix.Accounts.Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
        // Each account's posts once; and once more for an account the digest names whose last post is older than that
        // read: the evidence of its last update.
        Assert.Equal(ids.Append(Culture.Id).Order(StringComparer.Ordinal), calls.Of(nameof(IPostStore.GetPostsAsync)).Order(StringComparer.Ordinal));
        Assert.Equal(ids, calls.Of(nameof(IPostStore.GetPublicationTimesAsync)).Order(StringComparer.Ordinal));
        Assert.Equal(ids, calls.Of(nameof(IEvaluationStore.GetEvaluationHistoryAsync)).Order(StringComparer.Ordinal));
        foreach (var once in new[] { nameof(IPostStore.GetPollStatesAsync), nameof(IAlertStore.GetOpenAlertsAsync), nameof(ITaskStore.GetTasksAsync), nameof(ITaskStore.GetManualCompletionsAsync) })
            Assert.Single(calls.Of(once));
        Assert.Single(calls.Of(nameof(IFindingStore.GetFindingsAsync)));

        // Nothing else is read; what is written is what the request asked for.
        var reads = new[] { nameof(IPostStore.GetPostsAsync), nameof(IPostStore.GetPublicationTimesAsync), nameof(IEvaluationStore.GetEvaluationHistoryAsync), nameof(IPostStore.GetPollStatesAsync),
            nameof(IAlertStore.GetOpenAlertsAsync), nameof(ITaskStore.GetTasksAsync), nameof(ITaskStore.GetManualCompletionsAsync), nameof(IFindingStore.GetFindingsAsync) };
        var writes = kind switch
        {
            "scheduled" => new[] { nameof(IEvaluationStore.SaveEvaluationAsync), nameof(IAlertStore.OpenAlertAsync), nameof(IAlertStore.UpdateOpenAlertAsync) },
            "spot-check" => [nameof(IAlertStore.OpenAlertAsync), nameof(IAlertStore.UpdateOpenAlertAsync)],
            _ => [],
        };
        Assert.Empty(calls.Members.Except(reads).Except(writes));
        Assert.Equal(kind == "scheduled" ? ids.Count : 0, calls.Of(nameof(IEvaluationStore.SaveEvaluationAsync)).Count);
    }

    private static T Counting<T>(T real, Calls calls)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, CountingProxy<T>>();
        var counting = (CountingProxy<T>)(object)proxy;
        (counting.Real, counting.Calls) = (real, calls);
        return proxy;
    }

    /// <summary>Every call by member name, with its first argument when that is a string (the account id).</summary>
    internal sealed class Calls
    {
        private readonly ConcurrentQueue<(string Member, string? Account)> seen = new();

        public IEnumerable<string> Members => seen.Select(c => c.Member).Distinct();

        public IReadOnlyList<string?> Of(string member) => [.. seen.Where(c => c.Member == member).Select(c => c.Account)];

        public void Add(string member, string? account) => seen.Enqueue((member, account));
    }

    // Not sealed: DispatchProxy.Create derives the proxy type from it.
#pragma warning disable CA1852
    internal class CountingProxy<T> : DispatchProxy
#pragma warning restore CA1852
    {
        public T Real { get; set; } = default!;

        public Calls Calls { get; set; } = new();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            Calls.Add(targetMethod!.Name, args is [string account, ..] ? account : null);
            try
            {
                return targetMethod.Invoke(Real, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }
}
