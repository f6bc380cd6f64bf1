namespace MediaMatrix.Monitoring.Storage;

/// <summary>What a notice record holds, shared by both stores: an owner's claim, an owner's hand-over in progress, or an outcome.</summary>
internal static class NoticeValues
{
    public static string Claim(string owner) => "claim:" + owner;

    public static string Sending(string owner) => "sending:" + owner;

    public static string Of(NoticeOutcome outcome) => outcome switch
    {
        NoticeOutcome.Sent => "sent",
        NoticeOutcome.Failed => "failed",
        _ => "unknown",
    };

    /// <summary>The settled outcome a value stands for; "sending" is maybe delivered; a live claim is none.</summary>
    public static NoticeOutcome? Outcome(string value) => value switch
    {
        "sent" => NoticeOutcome.Sent,
        "failed" => NoticeOutcome.Failed,
        "unknown" => NoticeOutcome.Unknown,
        _ when value.StartsWith("sending:", StringComparison.Ordinal) => NoticeOutcome.Unknown,
        _ => null,
    };
}
