using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using MediaMatrix.Monitoring.Polling;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace MediaMatrix.Monitoring.Fetching;

/// <summary>
/// Reads one source URL: conditional GET, a Polly pipeline per host (total timeout → retry with
/// jitter → circuit breaker → attempt timeout), a per-host concurrency limit and minimum interval,
/// and a body size cap. It never throws for a bad source: every failure comes back as a classified
/// <see cref="FetchResult"/>. The breaker is per host, so one dead CMS host fails fast without
/// opening the circuit for every other site.
/// Retries here cover seconds; the poller's back-off covers hours (style habit 4).
/// </summary>
public sealed class SourceFetcher : IDisposable
{
    // A Retry-After longer than this is not waited out in the pipeline: the poller reschedules the account.
    private static readonly TimeSpan LongestRetryAfterToWait = TimeSpan.FromSeconds(5);

    private readonly HttpClient _client;
    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipelineRegistry<string> _pipelines = new();
    private readonly ConcurrentDictionary<string, HostGate> _hostGates = new(StringComparer.OrdinalIgnoreCase);

    public SourceFetcher(HttpClient client, FetchOptions options, TimeProvider time)
    {
        _client = client;
        _options = options;
        _time = time;
    }

    public Task<FetchResult> FetchAsync(Uri url, string? etag, string? lastModified, CancellationToken cancellationToken) =>
        FetchAsync(url, etag, lastModified, null, cancellationToken);

    /// <param name="headers">The source's extra headers as configured; <c>${ENV}</c> references are expanded here, per request.</param>
    public async Task<FetchResult> FetchAsync(Uri url, string? etag, string? lastModified,
        IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return FetchResult.Failed(FetchErrorClass.Other, $"scheme '{url.Scheme}' is not allowed; only http and https");
        }

        var extraHeaders = SourceHeaders.Expand(headers, Environment.GetEnvironmentVariable, out var headerProblem);
        if (extraHeaders is null)
        {
            return FetchResult.Failed(FetchErrorClass.Other, headerProblem ?? "source headers cannot be expanded");
        }

        var gate = _hostGates.GetOrAdd(url.Host, _ => new HostGate(_options.MaxConcurrencyPerHost, _options.MinIntervalPerHost, _time));
        using var slot = await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var pipeline = _pipelines.GetOrAddPipeline<FetchResult>(url.Host, BuildPipeline);
            return await pipeline.ExecuteAsync(
                async ct => await AttemptAsync(url, etag, lastModified, extraHeaders, ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            return FetchResult.Failed(FetchErrorClass.Timeout, $"no complete answer within {_options.TotalTimeout.TotalSeconds:0} s");
        }
        catch (BrokenCircuitException)
        {
            return FetchResult.Failed(FetchErrorClass.Connect,
                $"{url.Host} failed repeatedly; not contacted for up to {_options.BreakerBreakDuration.TotalSeconds:0} s (circuit open)");
        }
    }

    private void BuildPipeline(ResiliencePipelineBuilder<FetchResult> builder)
    {
        builder.TimeProvider = _time;
        builder
            .AddTimeout(_options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<FetchResult>
            {
                // Polly wants at least one attempt; with MaxRetries 0 ShouldHandle never retries.
                MaxRetryAttempts = Math.Max(1, _options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    _options.MaxRetries > 0 && (args.Outcome.Exception is TimeoutRejectedException
                        || (args.Outcome.Result is { } r && IsTransient(r)))),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<FetchResult>
            {
                FailureRatio = _options.BreakerFailureRatio,
                MinimumThroughput = _options.BreakerMinimumThroughput,
                SamplingDuration = _options.BreakerSamplingDuration,
                BreakDuration = _options.BreakerBreakDuration,
                // Only faults of the host itself; a 404 or a parse problem says nothing about whether it is up.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is TimeoutRejectedException
                    || args.Outcome.Result is { Outcome: FetchOutcome.Failed, ErrorClass: FetchErrorClass.Connect or FetchErrorClass.Timeout or FetchErrorClass.Http5xx }),
            })
            .AddTimeout(_options.AttemptTimeout);
    }

    private static bool IsTransient(FetchResult result) => result.Outcome == FetchOutcome.Failed
        && result.ErrorClass is FetchErrorClass.Connect or FetchErrorClass.Timeout or FetchErrorClass.Http5xx or FetchErrorClass.Dns
        && (result.RetryAfter is null || result.RetryAfter <= LongestRetryAfterToWait)
        || result.Status == HttpStatusCode.RequestTimeout;

    /// <summary>
    /// One attempt, following up to <see cref="FetchOptions.MaxRedirects"/> redirects itself rather
    /// than in the handler: the source's extra headers (a session cookie from a secret) go only to
    /// the host they were configured for, never to whatever host a redirect names.
    /// </summary>
    private async ValueTask<FetchResult> AttemptAsync(Uri url, string? etag, string? lastModified,
        IReadOnlyList<KeyValuePair<string, string>> extraHeaders, CancellationToken ct)
    {
        var current = url;
        try
        {
            for (var hop = 0; ; hop++)
            {
                var sameHost = string.Equals(current.Host, url.Host, StringComparison.OrdinalIgnoreCase);
                using var request = BuildRequest(current, etag, lastModified, sameHost ? extraHeaders : []);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location)
                {
                    return await ReadResponseAsync(response, ct).ConfigureAwait(false);
                }

                if (hop >= _options.MaxRedirects)
                {
                    return FetchResult.Failed(FetchErrorClass.Redirects,
                        $"more than {_options.MaxRedirects} redirects (or a redirect loop); last status {(int)response.StatusCode}", response.StatusCode);
                }

                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                {
                    return FetchResult.Failed(FetchErrorClass.Other, $"redirect to scheme '{next.Scheme}' refused; only http and https", response.StatusCode);
                }

                current = next;
            }
        }
        catch (HttpRequestException ex)
        {
            return Classify(ex);
        }
        catch (IOException ex)
        {
            return FetchResult.Failed(FetchErrorClass.Connect, $"connection broken while reading: {ex.Message}");
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    private static HttpRequestMessage BuildRequest(Uri url, string? etag, string? lastModified, IReadOnlyList<KeyValuePair<string, string>> extraHeaders)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in extraHeaders)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (lastModified is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        return request;
    }

    private async Task<FetchResult> ReadResponseAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = response.StatusCode;
        if (status == HttpStatusCode.NotModified)
        {
            return new FetchResult(FetchOutcome.NotModified, status, ETag: response.Headers.ETag?.ToString(),
                LastModified: response.Content.Headers.LastModified?.ToString("R"));
        }

        if ((int)status is >= 300 and < 400)
        {
            return FetchResult.Failed(FetchErrorClass.Redirects, $"redirect (status {(int)status}) without a usable Location", status);
        }

        if (!response.IsSuccessStatusCode)
        {
            var retryAfter = RetryAfterOf(response);
            var errorClass = (int)status switch
            {
                403 or 418 or 432 => FetchErrorClass.Blocked,
                >= 500 => FetchErrorClass.Http5xx,
                _ => FetchErrorClass.Http4xx,
            };
            return FetchResult.Failed(errorClass, $"HTTP {(int)status} {response.ReasonPhrase}".TrimEnd(), status, retryAfter);
        }

        if (response.Content.Headers.ContentLength > _options.MaxBodyBytes)
        {
            return FetchResult.Failed(FetchErrorClass.TooLarge, $"body of {response.Content.Headers.ContentLength} bytes is over the {_options.MaxBodyBytes}-byte cap", status);
        }

        var body = await BodyReader.ReadCappedAsync(response.Content, _options.MaxBodyBytes, ct).ConfigureAwait(false);
        if (body is null)
        {
            return FetchResult.Failed(FetchErrorClass.TooLarge, $"body is over the {_options.MaxBodyBytes}-byte cap (after decompression)", status);
        }

        return new FetchResult(FetchOutcome.Fetched, status, body,
            response.Content.Headers.ContentType?.ToString(),
            response.Headers.ETag?.ToString(),
            response.Content.Headers.LastModified?.ToString("R"));
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - _time.GetUtcNow() : null;
    }

    private static FetchResult Classify(HttpRequestException ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PrivateAddressBlockedException blocked:
                    return FetchResult.Failed(FetchErrorClass.BlockedPrivate, blocked.Message);
                case AuthenticationException:
                    return FetchResult.Failed(FetchErrorClass.Tls, $"TLS: {e.Message}");
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } se:
                    return FetchResult.Failed(FetchErrorClass.Dns, $"DNS: {se.Message}");
                case SocketException se:
                    return FetchResult.Failed(FetchErrorClass.Connect, $"connect: {se.Message}");
            }
        }

        return FetchResult.Failed(ex.HttpRequestError == HttpRequestError.NameResolutionError ? FetchErrorClass.Dns : FetchErrorClass.Connect, ex.Message);
    }

    public void Dispose()
    {
        foreach (var gate in _hostGates.Values)
        {
            gate.Dispose();
        }

        _pipelines.Dispose();
    }
}
