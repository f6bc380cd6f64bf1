using System.Collections.Concurrent;
using System.Threading.Channels;
using MediaMatrix.Monitoring.Diagnostics;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Notifications;

/// <summary>
/// This replica's queue of notices, one worker per route: a route that retries for minutes does not hold up the
/// others, and one route's notices go out in the order their transitions happened. Each delivery is claimed in the
/// store first (the claim is the idempotency key: alert, transition, route), so whichever replica or sweep gets there
/// first sends it and every other one skips it. A transient failure does not hold the route's worker: the claim is given
/// back and the delivery waits out its back-off on its own timer, then rejoins the queue, so one recipient's back-off
/// never delays another delivery (issue 16). The queue is only the fast path: a notice it drops or a crash loses
/// is still owed, and the sweep finds it in the store.
/// </summary>
internal sealed partial class NoticeOutbox(INoticeStore store, NoticeSender sender, NotificationOptions options, TimeProvider time, ILogger<NoticeOutbox> logger) : BackgroundService
{
    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly Dictionary<string, Channel<NoticeDelivery>> queues = options.Routes.ToDictionary(
        r => r.Id,
        _ => Channel.CreateBounded<NoticeDelivery>(new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite }),
        StringComparer.Ordinal);

    // Keys queued, being delivered or waiting out a back-off here: the sweep offers the same notice every minute until it is settled.
    private readonly ConcurrentDictionary<string, byte> pending = new(StringComparer.Ordinal);

    /// <summary>Queues a delivery without waiting. False when it is already pending here or the route's queue is full.</summary>
    public bool Enqueue(NoticeDelivery delivery)
    {
        if (!pending.TryAdd(delivery.Key, 0))
            return false;
        if (queues[delivery.Route.Id].Writer.TryWrite(delivery))
        {
            MatrixMetrics.NotificationsPending.WithLabels(delivery.Route.Label).Inc();
            return true;
        }

        pending.TryRemove(delivery.Key, out _);
        LogQueueFull(logger, delivery.Route.Id, delivery.Key);
        return false;
    }

    /// <summary>True when nothing is queued or in flight here (for tests and shutdown).</summary>
    public bool IsIdle => pending.IsEmpty;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Routes.Select(route => Task.Run(() => WorkAsync(route, stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(NoticeRoute route, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in queues[route.Id].Reader.ReadAllAsync(stoppingToken))
            {
                var retryAfter = (TimeSpan?)null;
                try
                {
                    retryAfter = await DeliverAsync(delivery, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The store was away (claim or settle failed): the notice stays owed and the sweep offers it again.
                    LogDeliveryError(logger, ex, delivery.Key);
                }
                finally
                {
                    if (retryAfter is { } delay)
                        _ = RetryLaterAsync(delivery with { Attempt = delivery.Attempt + 1 }, delay, stoppingToken);
                    else
                        Forget(delivery);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is owed in the store, and the next sweep (here or elsewhere) sends it.
        }
    }

    /// <summary>One attempt. Returns the back-off before the next one when it failed transiently with attempts left.</summary>
    private async Task<TimeSpan?> DeliverAsync(NoticeDelivery delivery, CancellationToken stoppingToken)
    {
        var key = delivery.Key;
        var retention = options.Retention(delivery.Notice, delivery.Route);
        if (!await store.ClaimNoticeAsync(key, owner, options.ClaimLease(sender.AttemptTimeout), stoppingToken))
            return null; // sent, refused for good, or in another worker's hands

        NoticeOutcome? outcome;
        try
        {
            outcome = await sender.AttemptAsync(
                delivery, delivery.Attempt, () => store.MarkNoticeSendingAsync(key, owner, retention, CancellationToken.None).GetAwaiter().GetResult(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await store.ReleaseNoticeAsync(key, owner, CancellationToken.None);
            throw;
        }

        if (outcome is { } settled)
        {
            await store.SettleNoticeAsync(key, owner, settled, retention, CancellationToken.None);
            return null;
        }

        // Given back while it waits: if this replica dies meanwhile, the next sweep anywhere takes it.
        await store.ReleaseNoticeAsync(key, owner, CancellationToken.None);
        return delivery.Attempt < options.MaxAttempts ? options.BackoffAfter(delivery.Attempt) : null;
    }

    /// <summary>Waits out a back-off off the worker, then puts the delivery back in its route's queue (still pending here,
    /// so the sweep does not offer it meanwhile).</summary>
    private async Task RetryLaterAsync(NoticeDelivery next, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            Forget(next); // shutting down: the notice is owed in the store, and the next sweep sends it
            return;
        }

        if (!queues[next.Route.Id].Writer.TryWrite(next))
        {
            LogQueueFull(logger, next.Route.Id, next.Key);
            Forget(next);
        }
    }

    private void Forget(NoticeDelivery delivery)
    {
        if (pending.TryRemove(delivery.Key, out _))
            MatrixMetrics.NotificationsPending.WithLabels(delivery.Route.Label).Dec();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice queue of route {RouteId} is full; {NoticeKey} waits for the next sweep")]
    private static partial void LogQueueFull(ILogger logger, string routeId, string noticeKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice {NoticeKey} not delivered; the next sweep offers it again")]
    private static partial void LogDeliveryError(ILogger logger, Exception exception, string noticeKey);
}
