using System.Text.Json.Serialization;

namespace MediaMatrix.Monitoring.Fetching;

/// <summary>Why a poll failed, in words an operator can act on. Serialised in kebab case (<c>http-5xx</c>).</summary>
public enum FetchErrorClass
{
    None, Dns, Connect, Timeout, Tls,

    // The kebab-case naming policy treats digits as part of a word, which would give "http4xx".
    [JsonStringEnumMemberName("http-4xx")] Http4xx,
    [JsonStringEnumMemberName("http-5xx")] Http5xx,
    Blocked, BlockedPrivate, TooLarge, Redirects, Parse, Empty, Other,
}
