using System.Text;
using MediaMatrix.Digest;
using MediaMatrix.Monitoring.Diagnostics;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Notifications;

/// <summary>
/// Hands one delivery to its platform, one attempt at a time, and says how it ended (the outbox spaces the attempts).
/// Chat routes are one JSON POST each (signed afresh per attempt); e-mail goes over the digest's MailKit transport
/// and <c>Smtp</c> settings. Every attempt is counted in <c>mediamatrix_notifications_total{channel, result}</c>.
/// </summary>
internal sealed partial class NoticeSender(HttpClient http, DigestMailer mailer, SmtpOptions smtp, NotificationOptions options, TimeProvider time, ILogger<NoticeSender> logger)
{
    private const int MaxReplyChars = 64 * 1024;

    /// <summary>How long one attempt may take, for the claim's lease.</summary>
    public TimeSpan AttemptTimeout => options.RequestTimeout > smtp.Timeout ? options.RequestTimeout : smtp.Timeout;

    /// <summary>Makes attempt number <paramref name="attempt"/> (1-based) and says how it ended: the settled outcome, or
    /// null when it failed transiently. It never waits out a back-off: the outbox schedules the next attempt, so one
    /// recipient's back-off holds up no other delivery (issue 16).</summary>
    /// <param name="beforeBody">For e-mail: runs once the server accepted the envelope, before the body goes out.</param>
    public async Task<NoticeOutcome?> AttemptAsync(NoticeDelivery delivery, int attempt, Action beforeBody, CancellationToken cancellationToken)
    {
        var channel = delivery.Route.Label;
        var result = delivery.Route.Kind == RouteKind.Email
            ? await MailAsync(delivery, beforeBody, cancellationToken)
            : await PostAsync(delivery, cancellationToken);
        var last = attempt >= options.MaxAttempts;
        MatrixMetrics.Notifications.WithLabels(channel, result.Result switch
        {
            AttemptResult.Sent => "sent",
            AttemptResult.Unknown => "unknown",
            AttemptResult.Transient when !last => "retry",
            _ => "failed",
        }).Inc();

        switch (result.Result)
        {
            case AttemptResult.Sent:
                return NoticeOutcome.Sent;
            case AttemptResult.Unknown:
                LogNotSent(logger, delivery.Key, channel, delivery.Route.Id, "unknown (maybe delivered; not resent)", attempt, result.Detail);
                return NoticeOutcome.Unknown;
            case AttemptResult.Permanent:
                LogNotSent(logger, delivery.Key, channel, delivery.Route.Id, "failed", attempt, result.Detail);
                return NoticeOutcome.Failed;
            case AttemptResult.Transient when last:
                LogNotSent(logger, delivery.Key, channel, delivery.Route.Id, "attempts used up (a later sweep tries again)", attempt, result.Detail);
                return null;
            default:
                return null;
        }
    }

    private async Task<Attempt> PostAsync(NoticeDelivery delivery, CancellationToken cancellationToken)
    {
        var (url, json) = ChatPayloads.Build(delivery.Route, delivery.Notice, time.GetUtcNow());
        try
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(url, content, cancellationToken);
            return PlatformReply.Classify(delivery.Route.Kind, response.StatusCode, await ReadReplyAsync(response, cancellationToken));
        }
        catch (HttpRequestException ex)
        {
            // No response: refused, reset, DNS. The message names host and port at most, never the query's token.
            return new Attempt(AttemptResult.Transient, ex.HttpRequestError.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout: the robot may have posted it; a duplicate in a chat beats a missing alert.
            return new Attempt(AttemptResult.Transient, $"no answer within {options.RequestTimeout}");
        }
    }

    private async Task<Attempt> MailAsync(NoticeDelivery delivery, Action beforeBody, CancellationToken cancellationToken)
    {
        var message = NoticeMail.Compose(delivery.Notice, smtp.From, delivery.Recipient!);
        var result = await mailer.SendAsync(message, beforeBody, cancellationToken);
        return new Attempt(result.Outcome switch
        {
            SendOutcome.Sent => AttemptResult.Sent,
            SendOutcome.Permanent => AttemptResult.Permanent,
            SendOutcome.Unknown => AttemptResult.Unknown,
            _ => AttemptResult.Transient,
        }, result.Detail);
    }

    // A robot's answer is a few dozen bytes; a misconfigured URL may point at something that streams forever.
    private static async Task<string> ReadReplyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[MaxReplyChars];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return new string(buffer, 0, read);
    }

    /// <summary>A plain client: no redirects (a robot URL that redirects is misconfigured, and the token must not follow
    /// it), no request logging (the URL carries the token), connections recycled so DNS changes are seen.</summary>
    public static HttpClient CreateClient(NotificationOptions options) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = options.RequestTimeout })
        {
            Timeout = options.RequestTimeout,
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice {NoticeKey} via {Channel} route {RouteId}: {Result} after {Attempts} attempt(s): {Detail}")]
    private static partial void LogNotSent(ILogger logger, string noticeKey, string channel, string routeId, string result, int attempts, string detail);
}
