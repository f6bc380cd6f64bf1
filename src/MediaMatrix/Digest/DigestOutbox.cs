using System.Collections.Concurrent;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Digest;

/// <summary>
/// This process's outbox of digest retries, the pattern of the alert notices' outbox (Notifications/NoticeOutbox.cs)
/// on the digest's own store records: a recipient whose attempt failed transiently waits here for its back-off
/// (<see cref="DigestOptions.BackoffAfter"/>) on its own timer, while the run goes on to the others; each retry is one
/// <see cref="DigestSender.AttemptAsync"/>, claimed and recorded in the store, so a retry here, a run on another replica
/// and the hourly catch-up never send one recipient twice. The outbox is only the fast path: a retry it loses (a crash,
/// a restart) is a <see cref="DigestDeliveryState.Retrying"/> record, and the next run or catch-up takes it.
/// </summary>
internal sealed partial class DigestOutbox(DigestSender sender, DigestOptions options, TimeProvider time, ILogger<DigestOutbox> logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<DigestAttempt>>> pending = new(StringComparer.Ordinal);

    /// <summary>True when nothing waits or is in flight here (tests, the CLI).</summary>
    public bool IsIdle => pending.IsEmpty;

    /// <summary>Queues the parcel for an attempt at <paramref name="dueAt"/> without waiting, and returns the task of its
    /// last attempt here. When the parcel is already pending, returns that one's (its time stands). Null when shutting down.</summary>
    public Task<DigestAttempt>? Enqueue(DigestParcel parcel, DateTimeOffset dueAt)
    {
        if (stopping.IsCancellationRequested)
            return null;
        Lazy<Task<DigestAttempt>>? mine = null;
        mine = new Lazy<Task<DigestAttempt>>(() => RunAsync(parcel, dueAt, mine!));
        return pending.GetOrAdd(parcel.Key, mine).Value;
    }

    /// <summary>The pending parcel's last-attempt task, or null when it is not pending here.</summary>
    public Task<DigestAttempt>? Pending(string parcelKey) => pending.TryGetValue(parcelKey, out var run) ? run.Value : null;

    private async Task<DigestAttempt> RunAsync(DigestParcel parcel, DateTimeOffset dueAt, Lazy<Task<DigestAttempt>> self)
    {
        await Task.Yield(); // never run an attempt on the caller's thread: Enqueue does not wait
        try
        {
            while (true)
            {
                var wait = dueAt - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, time, stopping.Token);
                var attempt = await sender.AttemptAsync(parcel, stopping.Token);
                if (attempt.State != DigestDeliveryState.Retrying)
                    return attempt;
                if (attempt.Attempts >= options.MaxAttempts)
                {
                    LogLeftToCatchUp(logger, parcel.Recipient.Address, parcel.WeekKey, attempt.Attempts);
                    return attempt;
                }

                dueAt = time.GetUtcNow() + options.BackoffAfter(attempt.Attempts);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the record says retrying (or sending: maybe delivered), and the next run decides.
            return DigestAttempt.Skipped;
        }
        catch (Exception ex)
        {
            // The store was away (claim or record failed): the recipient stays owed and the next run or catch-up sends it.
            LogRetryError(logger, ex, parcel.Recipient.Address, parcel.WeekKey);
            return DigestAttempt.Skipped;
        }
        finally
        {
            pending.TryRemove(KeyValuePair.Create(parcel.Key, self));
        }
    }

    /// <summary>Waits until nothing is pending here (the CLI, which has no later run to leave retries to).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (!pending.IsEmpty)
            await Task.WhenAll(pending.Values.Select(p => p.Value)).WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await Task.WhenAll(pending.Values.Select(p => p.Value));
        stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {WeekKey} to {Recipient}: {Attempts} attempts used up; the hourly catch-up tries again")]
    private static partial void LogLeftToCatchUp(ILogger logger, string recipient, string weekKey, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {WeekKey} to {Recipient}: retry failed (store away?); the next run sends it")]
    private static partial void LogRetryError(ILogger logger, Exception exception, string recipient, string weekKey);
}
