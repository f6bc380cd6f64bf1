using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// Posts and poll state on a single machine: everything in process, lost on restart. Mirrors <see cref="RedisPostStore"/>
/// rule for rule (same scores, day mark included, same ordering of ties, same trimming) because both pass one contract
/// suite. Nothing expires here: a process does not outlive the TTLs that bound Redis.
/// </summary>
public sealed class InMemoryPostStore : IPostStore
{
    private readonly StoreOptions options;
    private readonly Lock gate = new();
    private readonly Dictionary<string, AccountData> accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> due = new(StringComparer.Ordinal);

    public InMemoryPostStore(StoreOptions options)
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
                    account.Timeline[post.Id] = PublicationScore.Of(at, post.Precision);
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

    public Task<IReadOnlyDictionary<string, Post>> GetPostsByIdAsync(string accountId, IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var found = new Dictionary<string, Post>(StringComparer.Ordinal);
        lock (gate)
        {
            if (accounts.TryGetValue(accountId, out var account))
            {
                foreach (var id in postIds)
                {
                    if (account.Posts.TryGetValue(id, out var post))
                    {
                        found[id] = post;
                    }
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, Post>>(found);
    }

    public Task<StoredTimes> GetPublicationTimesAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            long[] scores = accounts.TryGetValue(accountId, out var account) ? [.. account.Timeline.Values.Order().Select(PublicationScore.Doubled)] : [];
            return Task.FromResult(PublicationScore.Times(scores, since));
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

    public Task SetNextDueAsync(string accountId, DateTimeOffset due, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            this.due[accountId] = due.ToUnixTimeMilliseconds();
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (max <= 0)
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        // Read and move under the one lock, so no other caller comes in between.
        var nowMs = now.ToUnixTimeMilliseconds();
        var leasedUntil = (now + lease).ToUnixTimeMilliseconds();
        lock (gate)
        {
            IReadOnlyList<string> claimed = [.. due
                .Where(entry => entry.Value <= nowMs)
                .OrderBy(entry => entry.Value)
                .ThenBy(entry => entry.Key, StringComparer.Ordinal)
                .Take(max)
                .Select(entry => entry.Key)];
            foreach (var id in claimed)
            {
                due[id] = leasedUntil;
            }

            return Task.FromResult(claimed);
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
    private void Trim(AccountData account, Dictionary<string, double> index, long? cutoff)
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

        /// <summary>Dated post id → its <see cref="PublicationScore"/>, as the Redis timeline scores it.</summary>
        public Dictionary<string, double> Timeline { get; } = new(StringComparer.Ordinal);

        /// <summary>Undated post id → the attempt time (unix ms) of the last poll that saw it.</summary>
        public Dictionary<string, double> Undated { get; } = new(StringComparer.Ordinal);

        public PollState? State { get; set; }
    }
}
