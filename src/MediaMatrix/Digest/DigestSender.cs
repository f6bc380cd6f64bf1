using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Diagnostics;
using MediaMatrix.Monitoring.Storage;
using MimeKit;

namespace MediaMatrix.Digest;

/// <summary>One recipient's composed edition of one week, as the first pass and the outbox hand it over.</summary>
internal sealed record DigestParcel(string WeekKey, DigestRecipient Recipient, MimeMessage Message)
{
    public string Key => $"{WeekKey}|{Recipient.Address}";

    public string Edition => Recipient.Edition == DigestEdition.Office ? "office" : "department";
}

/// <summary>What one attempt left: the record's new state and attempt count, or <see cref="Skipped"/> when it did not try.</summary>
internal sealed record DigestAttempt(DigestDeliveryState? State, int Attempts, SendOutcome? Outcome)
{
    public static readonly DigestAttempt Skipped = new(null, 0, null);
}

/// <summary>
/// Makes exactly one attempt at one recipient, never more: claims (week, recipient) with a lease (<c>SET NX PX</c>),
/// reads the delivery record under the claim (a settled one is never sent again), hands the message to SMTP once,
/// records how it ended and gives the claim back. Retries are not its business: the caller says when the next one is
/// due, so no recipient's back-off is ever slept out in front of another recipient (issue 16).
/// </summary>
internal sealed partial class DigestSender(IDigestStore store, DigestMailer mailer, TimeProvider time, DigestOptions options, ILogger<DigestSender> logger)
{
    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<DigestAttempt> AttemptAsync(DigestParcel parcel, CancellationToken cancellationToken)
    {
        var (weekKey, recipient) = (parcel.WeekKey, parcel.Recipient.Address);
        if (!await store.ClaimDigestAsync(weekKey, recipient, owner, options.ClaimLease, cancellationToken))
            return DigestAttempt.Skipped;
        try
        {
            // Read after claiming: a record settled by the previous holder must not be sent again.
            var previous = (await store.GetDigestDeliveriesAsync(weekKey, cancellationToken)).FirstOrDefault(d => d.Recipient == recipient);
            if (previous is { IsSettled: true })
                return DigestAttempt.Skipped;

            var attempts = (previous?.Attempts ?? 0) + 1;
            var result = await mailer.SendAsync(
                parcel.Message, () => Record(parcel, DigestDeliveryState.Sending, attempts, null).GetAwaiter().GetResult(), cancellationToken);
            var state = result.Outcome switch
            {
                SendOutcome.Sent => DigestDeliveryState.Sent,
                SendOutcome.Permanent => DigestDeliveryState.FailedPermanent,
                SendOutcome.Unknown => DigestDeliveryState.Unknown,
                _ => DigestDeliveryState.Retrying,
            };
            await Record(parcel, state, attempts, result.Detail);
            MatrixMetrics.DigestSends.WithLabels(parcel.Edition, state == DigestDeliveryState.Retrying ? "retry" : ScrapeTimeSeries.StateLabel(state)).Inc();
            if (state == DigestDeliveryState.Sent)
                MatrixMetrics.DigestLastSent.Set(time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
            else
                LogNotSent(logger, recipient, weekKey, state, attempts, result.Detail);
            return new DigestAttempt(state, attempts, result.Outcome);
        }
        finally
        {
            await store.ReleaseDigestClaimAsync(weekKey, recipient, owner, CancellationToken.None);
        }
    }

    private Task Record(DigestParcel parcel, DigestDeliveryState state, int attempts, string? detail) =>
        store.SaveDigestDeliveryAsync(new DigestDelivery(parcel.WeekKey, parcel.Recipient.Address, state, time.GetUtcNow(), attempts, detail), CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {WeekKey} to {Recipient}: {State} after {Attempts} attempt(s): {Detail}")]
    private static partial void LogNotSent(ILogger logger, string recipient, string weekKey, DigestDeliveryState state, int attempts, string detail);
}
