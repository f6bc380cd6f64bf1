using System.Net;
using System.Text;
using MediaMatrix.Monitoring.Diagnostics;

namespace MediaMatrix.Notifications;

/// <summary>Posts a notice to every route that accepts it, retrying 5xx, 429 and connection failures with doubling back-off.</summary>
internal sealed class ChatNotifier(HttpClient http, IReadOnlyList<ChatRoute> routes, TimeProvider time, TimeSpan retryDelay, int maxAttempts = 4)
{
    /// <summary>Returns how many routes took the notice.</summary>
    public async Task<int> NotifyAsync(ChatNotice notice, CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var route in routes.Where(r => r.Accepts(notice)))
        {
            var channel = route.Channel.ToString().ToLowerInvariant();
            for (var attempt = 1; ; attempt++)
            {
                var (url, json) = ChatPayloads.Build(route, notice, time.GetUtcNow());
                HttpStatusCode? status = null;
                try
                {
                    using var response = await http.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);
                    status = response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    // a connection failure: retried like a 5xx
                }

                var retryable = status is null or HttpStatusCode.TooManyRequests || (int)status >= 500;
                var result = status is { } s && (int)s < 300 ? "sent" : retryable && attempt < maxAttempts ? "retry" : "failed";
                MatrixMetrics.Notifications.WithLabels(channel, result).Inc();
                if (result == "sent")
                {
                    delivered++;
                    break;
                }

                if (result == "failed")
                    break;
                await Task.Delay(TimeSpan.FromTicks(retryDelay.Ticks << (attempt - 1)), time, cancellationToken);
            }
        }

        return delivered;
    }
}
