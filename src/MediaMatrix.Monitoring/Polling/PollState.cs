using System.Text.Json.Serialization;

namespace MediaMatrix.Monitoring.Polling;

/// <summary>Why a poll failed, in words an operator can act on. Serialised in kebab case (<c>http-5xx</c>).</summary>
public enum FetchErrorClass
{
    None, Dns, Connect, Timeout, Tls,

    // The kebab-case naming policy treats digits as part of a word, which would give "http4xx".
    [JsonStringEnumMemberName("http-4xx")] Http4xx,
    [JsonStringEnumMemberName("http-5xx")] Http5xx,
    Blocked, BlockedPrivate, TooLarge, Redirects, Parse, Empty, Other,
}

/// <summary>
/// What we know about reading one account's source: the operator's collection health, and what
/// the next conditional GET needs. Stored per account, overwritten by every poll.
/// </summary>
public sealed record PollState(
    DateTimeOffset? LastAttemptAt = null,
    DateTimeOffset? LastSuccessAt = null,
    string? LastError = null,
    FetchErrorClass LastErrorClass = FetchErrorClass.None,
    int ConsecutiveFailures = 0,
    int LastItemCount = 0,
    int LastUndatedCount = 0,
    string? ETag = null,
    string? LastModified = null,
    DateTimeOffset? NextDueAt = null);
