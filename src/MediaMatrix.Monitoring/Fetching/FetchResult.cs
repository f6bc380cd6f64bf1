using System.Net;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Fetching;

public enum FetchOutcome { Fetched, NotModified, Failed }

/// <summary>What one fetch of a source produced: a body to extract, a 304, or a classified failure.</summary>
public sealed record FetchResult(
    FetchOutcome Outcome,
    HttpStatusCode? Status = null,
    ReadOnlyMemory<byte> Body = default,
    string? ContentType = null,
    string? ETag = null,
    string? LastModified = null,
    FetchErrorClass ErrorClass = FetchErrorClass.None,
    string? Error = null,
    TimeSpan? RetryAfter = null)
{
    public static FetchResult Failed(FetchErrorClass errorClass, string error, HttpStatusCode? status = null, TimeSpan? retryAfter = null)
        => new(FetchOutcome.Failed, status, ErrorClass: errorClass, Error: error, RetryAfter: retryAfter);
}
