using System.Text.Json.Serialization;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Where one recipient's digest of one week stands. Only <see cref="Retrying"/> may be attempted again.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DigestDeliveryState>))]
public enum DigestDeliveryState
{
    /// <summary>The message is being handed to the SMTP server. Found after a crash, it means "maybe delivered": never resent blindly.</summary>
    Sending,

    /// <summary>A transient (4xx or connection) failure before the message was handed over; another attempt is due.</summary>
    Retrying,

    /// <summary>The server accepted the message (250 after DATA).</summary>
    Sent,

    /// <summary>The server refused it for good (5xx): an address to fix, not to retry.</summary>
    FailedPermanent,

    /// <summary>The connection dropped after the body went out and before the server's reply (reliability E3): an operator decides.</summary>
    Unknown,
}

/// <summary>One (ISO week, recipient) delivery as kept in the store.</summary>
public sealed record DigestDelivery(string WeekKey, string Recipient, DigestDeliveryState State, DateTimeOffset At, int Attempts = 0, string? Detail = null)
{
    /// <summary>True when nobody may send this one again automatically.</summary>
    [JsonIgnore]
    public bool IsSettled => State != DigestDeliveryState.Retrying;
}

/// <summary>The figures a week's digest compares against next week: its pass rate and which accounts were flagged.</summary>
public sealed record DigestWeek(string WeekKey, DateTimeOffset BuiltAt, double? PassRate, IReadOnlyList<string> Unqualified, IReadOnlyList<string> Weak);
