using System.Text.Json;
using MediaMatrix.Monitoring.Polling;
using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// Posts and poll state in production. A poll is one script call for the account's keys plus the due-index update,
/// pipelined in the same flush (the due index lives in another cluster slot, so it cannot join the script). Key layout: docs/redis-Keys.md.
/// </summary>
public sealed class RedisPostStore(IConnectionMultiplexer redis, StoreOptions options) : RedisStore(redis, options), IPostStore
{
    public async Task<int> RecordPollAsync(PollRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = record.AccountId;
        var cutoff = Options.RetentionCutoffMs(record.State);
        var values = new List<RedisValue>(6 + (record.Posts.Count * 3))
        {
            JsonSerializer.Serialize(record.State, StorageJsonContext.Compact.PollState),
            (long)Options.PostRetention.TotalMilliseconds,
            (long)Options.PollStateTtl.TotalMilliseconds,
            Options.MaxPostsPerAccount,
            cutoff is { } min ? min : RedisValue.EmptyString,
            record.State.LastAttemptAt?.ToUnixTimeMilliseconds() ?? 0,
        };
        foreach (var post in record.Posts)
        {
            if (post.PublishedAt?.ToUnixTimeMilliseconds() < cutoff)
            {
                continue; // already past retention: storing it would only have the script delete it again
            }

            values.Add(post.Id);
            values.Add(JsonSerializer.Serialize(StoredPost.From(post), StorageJsonContext.Compact.StoredPost));
            values.Add(post.PublishedAt is { } published ? PublicationScore.Text(published, post.Precision) : RedisValue.EmptyString);
        }

        var batch = Database.CreateBatch();
        var written = batch.ScriptEvaluateAsync(
            PostScripts.RecordPoll,
            [Keys.Posts(id), Keys.Timeline(id), Keys.Undated(id), Keys.PollState(id)],
            [.. values]);
        var scheduled = record.State.NextDueAt is { } next
            ? Schedule(batch, [new SortedSetEntry(id, next.ToUnixTimeMilliseconds())], SortedSetWhen.Always)
            : Task.CompletedTask;
        batch.Execute();
        await Task.WhenAll(written, scheduled).WaitAsync(cancellationToken);
        return (int)await written;
    }

    public async Task<IReadOnlyDictionary<string, Post>> GetPostsByIdAsync(string accountId, IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var found = new Dictionary<string, Post>(StringComparer.Ordinal);
        if (postIds.Count == 0)
        {
            return found;
        }

        var fields = new RedisValue[postIds.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = postIds[i];
        }

        var values = await Database.HashGetAsync(Keys.Posts(accountId), fields).WaitAsync(cancellationToken);
        for (var i = 0; i < values.Length; i++)
        {
            if (!values[i].IsNull && JsonSerializer.Deserialize((string)values[i]!, StorageJsonContext.Compact.StoredPost) is { } stored)
            {
                found[postIds[i]] = stored.ToPost(postIds[i]);
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<Post>> GetPostsAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = await Database.ScriptEvaluateAsync(
            PostScripts.ReadTimeline,
            [Keys.Posts(accountId), Keys.Timeline(accountId)],
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

    public async Task<StoredTimes> GetPublicationTimesAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = await Database.ScriptEvaluateAsync(
            PostScripts.ReadPublicationTimes,
            [Keys.Posts(accountId), Keys.Timeline(accountId), Keys.DayMarked(accountId)],
            [since.ToUnixTimeMilliseconds(), (long)Options.PostRetention.TotalMilliseconds]).WaitAsync(cancellationToken);
        var scores = (RedisResult[])result!;
        var doubled = new long[scores.Length];
        for (var i = 0; i < scores.Length; i++)
            doubled[i] = (long)scores[i];
        return PublicationScore.Times(doubled, since);
    }

    public async Task<IReadOnlyDictionary<string, PollState>> GetPollStatesAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // One GET per account in one flush: MGET cannot span the accounts' cluster slots.
        var batch = Database.CreateBatch();
        var reads = accountIds.Select(id => (id, json: batch.StringGetAsync(Keys.PollState(id)))).ToList();
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

        var batch = Database.CreateBatch();
        var entries = firstDue.Select(pair => new SortedSetEntry(pair.Key, pair.Value.ToUnixTimeMilliseconds())).ToArray();
        var scheduled = Schedule(batch, entries, SortedSetWhen.NotExists);
        batch.Execute();
        await scheduled.WaitAsync(cancellationToken);
    }

    public async Task SetNextDueAsync(string accountId, DateTimeOffset due, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var batch = Database.CreateBatch();
        var scheduled = Schedule(batch, [new SortedSetEntry(accountId, due.ToUnixTimeMilliseconds())], SortedSetWhen.Always);
        batch.Execute();
        await scheduled.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (max <= 0)
        {
            return [];
        }

        // One script on the due index: Redis runs a script alone, so two replicas can never take the same account.
        var result = await Database.ScriptEvaluateAsync(
            RedisClaimScript.ClaimDue,
            [Keys.Due],
            [now.ToUnixTimeMilliseconds(), (now + lease).ToUnixTimeMilliseconds(), max, (long)Options.PollStateTtl.TotalMilliseconds])
            .WaitAsync(cancellationToken);
        return [.. ((RedisResult[])result!).Select(id => (string)id!)];
    }

    /// <summary>Queues the due-index write and its TTL refresh on a batch the caller executes. The TTL bounds the key (R5);
    /// it only lapses if nothing writes for <see cref="StoreOptions.PollStateTtl"/>, and start-up re-schedules then.</summary>
    private Task Schedule(IBatch batch, SortedSetEntry[] entries, SortedSetWhen when) =>
        Task.WhenAll(
            batch.SortedSetAddAsync(Keys.Due, entries, when),
            batch.KeyExpireAsync(Keys.Due, Options.PollStateTtl));
}
