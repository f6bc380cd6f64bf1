using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// The single-machine store: everything in process, lost on restart. Mirrors <see cref="RedisMatrixStore"/> rule
/// for rule (same ordering of ties, same trimming, same millisecond scores) because both pass one contract suite.
/// Nothing expires here: a process does not outlive the TTLs that bound Redis.
/// </summary>
public sealed partial class InMemoryMatrixStore : IMatrixStore
{
    private readonly StoreOptions options;
    private readonly Lock gate = new();
    private readonly Dictionary<string, AccountData> accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> due = new(StringComparer.Ordinal);

    public InMemoryMatrixStore(StoreOptions options)
    {
        options.Validate();
        this.options = options;
    }

    public Task<int> RecordPollAsync(PollRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var cutoff = options.RetentionCutoffMs(record.State);
        var seen = record.State.LastAttemptAt?.ToUnixTimeMilliseconds() ?? 0;
        lock (gate)
        {
            var account = Account(record.AccountId);

            var fresh = new List<string>();
            foreach (var post in record.Posts)
            {
                if (post.PublishedAt is { } published && published.ToUnixTimeMilliseconds() < cutoff)
                {
                    continue;
                }

                if (account.Posts.TryAdd(post.Id, post))
                {
                    fresh.Add(post.Id);
                }
                else
                {
                    account.Posts[post.Id] = post;
                }

                if (post.PublishedAt is { } at)
                {
                    account.Undated.Remove(post.Id);
                    account.Timeline[post.Id] = at.ToUnixTimeMilliseconds();
                }
                else
                {
                    account.Timeline.Remove(post.Id);
                    account.Undated[post.Id] = seen;
                }
            }

            Trim(account, account.Timeline, cutoff);
            Trim(account, account.Undated, cutoff);
            account.State = record.State;
            if (record.State.NextDueAt is { } next)
            {
                due[record.AccountId] = next.ToUnixTimeMilliseconds();
            }

            return Task.FromResult(fresh.Count(account.Posts.ContainsKey));
        }
    }

    public Task<IReadOnlyList<Post>> GetPostsAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sinceMs = since.ToUnixTimeMilliseconds();
        lock (gate)
        {
            if (!accounts.TryGetValue(accountId, out var account))
            {
                return Task.FromResult<IReadOnlyList<Post>>([]);
            }

            IReadOnlyList<Post> posts = [.. account.Timeline
                .Where(entry => entry.Value >= sinceMs)
                .OrderByDescending(entry => entry.Value)
                .ThenByDescending(entry => entry.Key, StringComparer.Ordinal)
                .Select(entry => account.Posts[entry.Key])
                .Where(post => post.PublishedAt >= since)];
            return Task.FromResult(posts);
        }
    }

    public Task<IReadOnlyDictionary<string, PollState>> GetPollStatesAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var states = new Dictionary<string, PollState>(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var id in accountIds)
            {
                if (accounts.TryGetValue(id, out var account) && account.State is { } state)
                {
                    states[id] = state;
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, PollState>>(states);
    }

    public Task EnsureScheduledAsync(IReadOnlyDictionary<string, DateTimeOffset> firstDue, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            foreach (var (id, at) in firstDue)
            {
                due.TryAdd(id, at.ToUnixTimeMilliseconds());
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetDueAccountsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (max <= 0)
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var nowMs = now.ToUnixTimeMilliseconds();
        lock (gate)
        {
            IReadOnlyList<string> ids = [.. due
                .Where(entry => entry.Value <= nowMs)
                .OrderBy(entry => entry.Value)
                .ThenBy(entry => entry.Key, StringComparer.Ordinal)
                .Take(max)
                .Select(entry => entry.Key)];
            return Task.FromResult(ids);
        }
    }

    public Task SetNextDueAsync(string accountId, DateTimeOffset due, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            this.due[accountId] = due.ToUnixTimeMilliseconds();
        }

        return Task.CompletedTask;
    }

    public Task SaveEvaluationAsync(EvaluationRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var account = Account(record.AccountId);

            // Keyed by the millisecond, as the Redis sorted set scores it: the same instant saved again replaces the record.
            account.Evaluations[record.At.ToUnixTimeMilliseconds()] = record;
            while (account.Evaluations.Count > options.MaxEvaluationsPerAccount)
            {
                account.Evaluations.Remove(account.Evaluations.Keys[0]);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<EvaluationRecord>> GetEvaluationHistoryAsync(string accountId, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (max <= 0 || !accounts.TryGetValue(accountId, out var account))
            {
                return Task.FromResult<IReadOnlyList<EvaluationRecord>>([]);
            }

            var values = account.Evaluations.Values;
            var history = new List<EvaluationRecord>(Math.Min(max, values.Count));
            for (var i = values.Count - 1; i >= 0 && history.Count < max; i--)
            {
                history.Add(values[i]);
            }

            return Task.FromResult<IReadOnlyList<EvaluationRecord>>(history);
        }
    }

    private AccountData Account(string accountId)
    {
        if (!accounts.TryGetValue(accountId, out var account))
        {
            account = new AccountData();
            accounts.Add(accountId, account);
        }

        return account;
    }

    /// <summary>Drops posts older than the cutoff, then the oldest beyond the bound, from one index and from the posts.
    /// Ties go the way a Redis sorted set orders them (score, then id), so both stores drop the same posts.</summary>
    private void Trim(AccountData account, Dictionary<string, long> index, long? cutoff)
    {
        var ordered = index.OrderBy(entry => entry.Value).ThenBy(entry => entry.Key, StringComparer.Ordinal).ToList();
        var expired = cutoff is { } min ? ordered.TakeWhile(entry => entry.Value < min).Count() : 0;
        var excess = Math.Max(expired, ordered.Count - options.MaxPostsPerAccount);
        foreach (var (id, _) in ordered.Take(excess))
        {
            index.Remove(id);
            account.Posts.Remove(id);
        }
    }

    private sealed class AccountData
    {
        public Dictionary<string, Post> Posts { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> Timeline { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> Undated { get; } = new(StringComparer.Ordinal);

        public PollState? State { get; set; }

        /// <summary>Evaluation time in unix ms → record, oldest first.</summary>
        public SortedList<long, EvaluationRecord> Evaluations { get; } = [];
    }
}
