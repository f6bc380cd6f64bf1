namespace MediaMatrix.Monitoring.Storage;

/// <summary>How a notice of an alert transition ended on one route: the record that keeps it from being sent twice.</summary>
public enum NoticeOutcome
{
    /// <summary>The platform or the SMTP server accepted it.</summary>
    Sent,

    /// <summary>Refused for good (a bad signature, a 4xx, a 5xx from SMTP): a route to fix, not to retry.</summary>
    Failed,

    /// <summary>Maybe delivered: the mail body went out and no reply came back, or a worker died while handing it over.
    /// Never resent automatically (reliability E3).</summary>
    Unknown,
}

/// <summary>
/// Notices (alert notifications): one record per notice key — alert key, transition and route — so a transition is
/// sent once however many replicas, sweeps and restarts look at it. A worker claims the notice with a lease before
/// its first attempt, settles it when it knows the outcome, and gives it back if it stops half-way.
/// </summary>
public interface INoticeStore
{
    /// <summary>Takes the notice for <paramref name="owner"/> for <paramref name="lease"/> (<c>SET NX PX</c>). False when
    /// it is settled, or another worker's lease on it still runs.</summary>
    Task<bool> ClaimNoticeAsync(string noticeKey, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks the notice "maybe delivered" before its body goes out (an e-mail's DATA), kept for
    /// <paramref name="retention"/>: a worker dying from here on leaves it <see cref="NoticeOutcome.Unknown"/>, never
    /// re-sent. False unless <paramref name="owner"/> holds the claim.</summary>
    Task<bool> MarkNoticeSendingAsync(string noticeKey, string owner, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Records the outcome for <paramref name="retention"/>. Allowed to the claim's owner, and after the owner's
    /// lease lapsed with nobody else holding it; false when another worker holds or settled it.</summary>
    Task<bool> SettleNoticeAsync(string noticeKey, string owner, NoticeOutcome outcome, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Gives an unsettled claim back (shutting down mid-retry, attempts used up on transient failures) so a later
    /// sweep may send it. Does nothing unless <paramref name="owner"/> holds the claim.</summary>
    Task ReleaseNoticeAsync(string noticeKey, string owner, CancellationToken cancellationToken);

    /// <summary>The settled outcome; a notice marked "sending" reads as <see cref="NoticeOutcome.Unknown"/>. Null when
    /// it was never claimed, is claimed and not settled, or its record lapsed.</summary>
    Task<NoticeOutcome?> GetNoticeOutcomeAsync(string noticeKey, CancellationToken cancellationToken);
}
