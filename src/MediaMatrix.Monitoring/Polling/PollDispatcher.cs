using System.Collections.Concurrent;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using Microsoft.Extensions.Logging;

namespace MediaMatrix.Monitoring.Polling;

/// <summary>
/// Picks the accounts that are due and polls them with bounded parallelism. One dispatcher tick
/// serves the whole matrix, so the scheduler holds a handful of triggers, never one per account.
/// </summary>
public sealed partial class PollDispatcher(
    IPostStore store,
    AccountPoller poller,
    MatrixConfig matrix,
    PollSchedule schedule,
    PollOptions options,
    FetchOptions fetchOptions,
    TimeProvider time,
    ILogger<PollDispatcher> logger)
{
    // While a claimed account is being polled, the due index says "later", so an overlapping tick
    // (or another replica) does not pick it again. The poll's own result then sets the real next time.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, Account> _accounts = matrix.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);

    // Accounts this replica claimed whose poll could not be recorded (mostly: the store went away mid-poll). Their lease
    // would hold them back ten minutes; each tick first hands them back at the first back-off step instead (R3).
    private readonly ConcurrentDictionary<string, byte> _unrecorded = new(StringComparer.Ordinal);

    /// <summary>Puts every configured account into the due index (existing entries keep their time).</summary>
    public Task ScheduleAllAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var firstDue = matrix.Accounts.ToDictionary(a => a.Id, a => schedule.FirstDue(a, now, Random.Shared.NextDouble()), StringComparer.Ordinal);
        return store.EnsureScheduledAsync(firstDue, cancellationToken);
    }

    /// <summary>One tick: polls up to a batch of due accounts and returns what happened.</summary>
    public async Task<IReadOnlyList<PollReport>> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Read and move in one atomic store step: replicas (and dispatcher shards) never claim the same account twice.
        // With a look-ahead, accounts falling due before the next tick are claimed now and each poll waits for its time.
        var lookAhead = options.LookAhead > TimeSpan.Zero ? options.LookAhead : TimeSpan.Zero;
        await RescheduleUnrecordedAsync(now, cancellationToken).ConfigureAwait(false);
        var due = await store.ClaimDueAsync(now + lookAhead, ClaimLease, options.BatchSize, cancellationToken).ConfigureAwait(false);
        var accounts = due.Select(id => _accounts.GetValueOrDefault(id)).OfType<Account>().ToList();

        try
        {
            return await PollBatchAsync(accounts, null, now + lookAhead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The batch could not even start (the poll states did not read): every claimed account is unrecorded.
            foreach (var account in accounts)
            {
                _unrecorded.TryAdd(account.Id, 0);
            }

            throw;
        }
    }

    /// <summary>Accounts whose poll this replica could not record, put back in the due index at the first back-off step
    /// (about a minute): soon after the store returns, but not every tick if the crash is ours rather than the store's.</summary>
    private async Task RescheduleUnrecordedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Every tick passes here; Keys would lock and copy the dictionary even when it is empty, as it nearly always is.
        if (_unrecorded.IsEmpty)
        {
            return;
        }

        foreach (var id in _unrecorded.Keys)
        {
            if (_accounts.TryGetValue(id, out var account))
            {
                // Throws while the store is still away: the tick fails as its claim would, and the next one tries again.
                await store.SetNextDueAsync(id, schedule.AfterFailure(account, 1, null, now, Random.Shared.NextDouble()), cancellationToken).ConfigureAwait(false);
            }

            _unrecorded.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// An operator's "poll now" for one account, whatever its due time or back-off step. The poll's
    /// result sets its next due time as usual. Null when the matrix has no such account.
    /// </summary>
    public async Task<PollReport?> PollNowAsync(string accountId, CancellationToken cancellationToken)
    {
        if (!_accounts.TryGetValue(accountId, out var account))
        {
            return null;
        }

        var reports = await PollAsync([account], null, cancellationToken).ConfigureAwait(false);
        return reports.Count == 1 ? reports[0] : null;
    }

    /// <summary>Polls the given accounts now, whatever their due time (the <c>check</c> verb, "poll now").</summary>
    public Task<IReadOnlyList<PollReport>> PollAsync(IReadOnlyList<Account> accounts, IProgress<PollReport>? progress, CancellationToken cancellationToken) =>
        PollBatchAsync(accounts, progress, claimedUpTo: null, cancellationToken);

    /// <param name="claimedUpTo">Set for a dispatcher tick (the due times it claimed up to): each poll then waits for its
    /// account's due time if that is still ahead, and its lateness is recorded. Null for polls on demand.</param>
    private async Task<IReadOnlyList<PollReport>> PollBatchAsync(IReadOnlyList<Account> accounts, IProgress<PollReport>? progress,
        DateTimeOffset? claimedUpTo, CancellationToken cancellationToken)
    {
        if (accounts.Count == 0)
        {
            return [];
        }

        var states = await store.GetPollStatesAsync(accounts.Select(a => a.Id).ToList(), cancellationToken).ConfigureAwait(false);
        var reports = new PollReport?[accounts.Count];
        using var workers = new SemaphoreSlim(options.Parallelism);
        await Task.WhenAll(HostLanes(accounts).Select(async lane =>
        {
            foreach (var i in lane)
            {
                var state = states.GetValueOrDefault(accounts[i].Id);
                // The poll state's next-due time is the time the due index held for the account (RecordPollAsync writes
                // both): a never-polled account has none and is neither waited for nor counted.
                var dueAt = claimedUpTo is { } upTo && state?.NextDueAt is { } next && next <= upTo ? next : (DateTimeOffset?)null;
                // A timer may fire a hair early by the wall clock: wait again until the due time has really passed.
                while (dueAt is { } at && at - time.GetUtcNow() is { Ticks: > 0 } ahead)
                {
                    await Task.Delay(ahead, time, cancellationToken).ConfigureAwait(false);
                }

                await workers.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (dueAt is { } due)
                    {
                        Diagnostics.MatrixMetrics.PollLateness.Observe(Math.Max(0, (time.GetUtcNow() - due).TotalSeconds));
                    }

                    reports[i] = await PollOneAsync(accounts[i], state, progress, claimed: claimedUpTo is not null, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    workers.Release();
                }
            }
        })).ConfigureAwait(false);
        return reports.OfType<PollReport>().ToList();
    }

    /// <summary>
    /// Splits the batch into lanes, at most the fetcher's per-host limit per host, each polled one
    /// account after another. A worker is taken only for a poll that can start, so a dead or slow
    /// host ties up at most its own few slots and never the workers other hosts need (F11).
    /// </summary>
    private IEnumerable<List<int>> HostLanes(IReadOnlyList<Account> accounts)
    {
        var perHost = fetchOptions.MaxConcurrencyPerHost;
        foreach (var host in Enumerable.Range(0, accounts.Count).GroupBy(i => accounts[i].Source.Url.Host, StringComparer.OrdinalIgnoreCase))
        {
            var lanes = Enumerable.Range(0, perHost).Select(_ => new List<int>()).ToArray();
            var n = 0;
            foreach (var i in host)
            {
                lanes[n++ % perHost].Add(i);
            }

            foreach (var lane in lanes.Where(l => l.Count > 0))
            {
                yield return lane;
            }
        }
    }

    private async Task<PollReport?> PollOneAsync(Account account, PollState? state, IProgress<PollReport>? progress, bool claimed, CancellationToken ct)
    {
        try
        {
            var report = await poller.PollAsync(account, state, ct).ConfigureAwait(false);
            progress?.Report(report);
            return report;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // One broken account never breaks the batch (style habit 3). The store may be unreachable for this write;
            // a claimed account is then handed back by a later tick rather than waiting out its lease.
            LogPollCrashed(logger, ex, account.Id);
            if (claimed)
            {
                _unrecorded.TryAdd(account.Id, 0);
            }

            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Poll of {AccountId} failed on our side")]
    private static partial void LogPollCrashed(ILogger logger, Exception exception, string accountId);
}
