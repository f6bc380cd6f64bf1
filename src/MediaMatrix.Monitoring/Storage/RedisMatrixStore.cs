using System.Globalization;
using System.Text.Json;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Polling;
using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// The production store. A poll is one script call for the account's keys plus the due-index update, pipelined in
/// the same flush (the due index lives in another cluster slot, so it cannot join the script). Key layout: docs/redis-keys.md.
/// </summary>
public sealed partial class RedisMatrixStore : IMatrixStore
{
    private readonly IConnectionMultiplexer redis;
    private readonly StoreOptions options;
    private readonly RedisKeys keys;

    public RedisMatrixStore(IConnectionMultiplexer redis, StoreOptions options)
    {
        options.Validate();
        this.redis = redis;
        this.options = options;
        keys = new RedisKeys(options.KeyPrefix);
    }

    public async Task<int> RecordPollAsync(PollRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = record.AccountId;
        var cutoff = options.RetentionCutoffMs(record.State);
        var values = new List<RedisValue>(6 + (record.Posts.Count * 3))
        {
            JsonSerializer.Serialize(record.State, StorageJsonContext.Compact.PollState),
            (long)options.PostRetention.TotalMilliseconds,
            (long)options.PollStateTtl.TotalMilliseconds,
            options.MaxPostsPerAccount,
            cutoff is { } min ? min : RedisValue.EmptyString,
            record.State.LastAttemptAt?.ToUnixTimeMilliseconds() ?? 0,
        };
        foreach (var post in record.Posts)
        {
            var published = post.PublishedAt?.ToUnixTimeMilliseconds();
            if (published < cutoff)
            {
                continue; // already past retention: storing it would only have the script delete it again
            }

            values.Add(post.Id);
            values.Add(JsonSerializer.Serialize(StoredPost.From(post), StorageJsonContext.Compact.StoredPost));
            values.Add(published is { } ms ? ms : RedisValue.EmptyString);
        }

        var batch = redis.GetDatabase().CreateBatch();
        var written = batch.ScriptEvaluateAsync(
            RedisScripts.RecordPoll,
            [keys.Posts(id), keys.Timeline(id), keys.Undated(id), keys.PollState(id)],
            [.. values]);
        var scheduled = record.State.NextDueAt is { } next
            ? Schedule(batch, [new SortedSetEntry(id, next.ToUnixTimeMilliseconds())], SortedSetWhen.Always)
            : Task.CompletedTask;
        batch.Execute();
        await Task.WhenAll(written, scheduled).WaitAsync(cancellationToken);
        return (int)await written;
    }

    public async Task<IReadOnlyList<Post>> GetPostsAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            RedisScripts.ReadTimeline,
            [keys.Posts(accountId), keys.Timeline(accountId)],
            [since.ToUnixTimeMilliseconds()]).WaitAsync(cancellationToken);
        var pairs = (RedisResult[])result!;
        var posts = new List<Post>(pairs.Length / 2);
        for (var i = 0; i < pairs.Length; i += 2)
        {
            var stored = JsonSerializer.Deserialize((string)pairs[i + 1]!, StorageJsonContext.Compact.StoredPost)!;
            var post = stored.ToPost((string)pairs[i]!);

            // Scores are whole milliseconds; `since` may carry ticks within the first one.
            if (post.PublishedAt >= since)
            {
                posts.Add(post);
            }
        }

        return posts;
    }

    public async Task<IReadOnlyDictionary<string, PollState>> GetPollStatesAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // One GET per account in one flush: MGET cannot span the accounts' cluster slots.
        var batch = redis.GetDatabase().CreateBatch();
        var reads = accountIds.Select(id => (id, json: batch.StringGetAsync(keys.PollState(id)))).ToList();
        batch.Execute();
        await Task.WhenAll(reads.Select(read => read.json)).WaitAsync(cancellationToken);

        var states = new Dictionary<string, PollState>(StringComparer.Ordinal);
        foreach (var (id, json) in reads)
        {
            var value = await json;
            if (value.HasValue)
            {
                states[id] = JsonSerializer.Deserialize((string)value!, StorageJsonContext.Compact.PollState)!;
            }
        }

        return states;
    }

    public async Task EnsureScheduledAsync(IReadOnlyDictionary<string, DateTimeOffset> firstDue, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (firstDue.Count == 0)
        {
            return;
        }

        var batch = redis.GetDatabase().CreateBatch();
        var entries = firstDue.Select(pair => new SortedSetEntry(pair.Key, pair.Value.ToUnixTimeMilliseconds())).ToArray();
        var scheduled = Schedule(batch, entries, SortedSetWhen.NotExists);
        batch.Execute();
        await scheduled.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GetDueAccountsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (max <= 0)
        {
            return [];
        }

        var ids = await redis.GetDatabase().SortedSetRangeByScoreAsync(
            keys.Due, double.NegativeInfinity, now.ToUnixTimeMilliseconds(), Exclude.None, Order.Ascending, 0, max)
            .WaitAsync(cancellationToken);
        return [.. ids.Select(id => (string)id!)];
    }

    public async Task SetNextDueAsync(string accountId, DateTimeOffset due, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var batch = redis.GetDatabase().CreateBatch();
        var scheduled = Schedule(batch, [new SortedSetEntry(accountId, due.ToUnixTimeMilliseconds())], SortedSetWhen.Always);
        batch.Execute();
        await scheduled.WaitAsync(cancellationToken);
    }

    public async Task SaveEvaluationAsync(EvaluationRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await redis.GetDatabase().ScriptEvaluateAsync(
            RedisScripts.SaveEvaluation,
            [keys.Evaluations(record.AccountId)],
            [
                record.At.ToUnixTimeMilliseconds(),
                JsonSerializer.Serialize(StoredEvaluation.From(record), StorageJsonContext.Compact.StoredEvaluation),
                options.MaxEvaluationsPerAccount,
                (long)options.EvaluationRetention.TotalMilliseconds,
            ]).WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EvaluationRecord>> GetEvaluationHistoryAsync(string accountId, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (max <= 0)
        {
            return [];
        }

        var members = await redis.GetDatabase().SortedSetRangeByRankAsync(keys.Evaluations(accountId), 0, max - 1, Order.Descending)
            .WaitAsync(cancellationToken);
        var history = new List<EvaluationRecord>(members.Length);
        foreach (var json in members)
        {
            history.Add(JsonSerializer.Deserialize((string)json!, StorageJsonContext.Compact.StoredEvaluation)!.ToRecord(accountId));
        }

        return history;
    }

    /// <summary>Queues the due-index write and its TTL refresh on a batch the caller executes. The TTL bounds the key (R5);
    /// it only lapses if nothing writes for <see cref="StoreOptions.PollStateTtl"/>, and start-up re-schedules then.</summary>
    private Task Schedule(IBatch batch, SortedSetEntry[] entries, SortedSetWhen when) =>
        Task.WhenAll(
            batch.SortedSetAddAsync(keys.Due, entries, when),
            batch.KeyExpireAsync(keys.Due, options.PollStateTtl));
}
