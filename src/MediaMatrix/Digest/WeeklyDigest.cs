using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Diagnostics;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Digest;

/// <summary>What one run did, for the admin API (JSON), the CLI and tests. <see cref="Queued"/>: recipients whose attempt
/// failed transiently and that the outbox retries on their back-off; <see cref="StillRetrying"/>: those plus any whose
/// attempts are used up, left to the hourly catch-up (the field of the earlier answer, kept: fields are never renamed).</summary>
internal sealed record DigestRunResult(string WeekKey, int Recipients, int Sent, int Queued, int Skipped, int FailedPermanent, int Unknown, int StillRetrying);

/// <summary>
/// Builds and sends this ISO week's digest, exactly once per recipient across restarts and replicas:
/// the week's figures are claimed first (<c>SET NX</c>, style habit 13) so every replica sends the same content;
/// then each recipient gets one attempt now (<see cref="DigestSender"/>: claimed with a lease, skipped if its delivery
/// record is settled). A transient failure is handed to the <see cref="DigestOutbox"/> to retry on its back-off, and
/// the run goes straight on to the next recipient: nobody waits for another's back-off, and the run returns as soon as
/// every recipient had its one attempt (issue 16). Once SMTP is unreachable (no conversation started), the rest of the
/// run is queued without trying: each would cost up to <c>Smtp:Timeout</c> for the same answer.
/// </summary>
internal sealed class WeeklyDigest(
    EvaluationRound round,
    IDigestStore store,
    MatrixConfig matrix,
    DigestSender sender,
    DigestOutbox outbox,
    DigestOptions options,
    SmtpOptions smtp,
    TimeProvider time)
{
    /// <summary>True once this week's digest is due (Monday + <see cref="DigestOptions.DueAfter"/> in the digest's zone).</summary>
    public bool IsDue(DateTimeOffset now) => now >= IsoWeek.StartOf(now, options.Zone()) + options.DueAfter;

    /// <summary>Renders the office edition's HTML without sending or claiming anything (<c>digest --preview</c>).</summary>
    public async Task<string> PreviewAsync(CancellationToken cancellationToken)
    {
        var (report, week, previous, titles) = await GatherAsync(claim: false, cancellationToken);
        var office = new DigestRecipient(string.Empty, DigestEdition.Office, matrix.Accounts);
        return DigestHtml.Render(Content(report, office, week, previous, titles));
    }

    /// <summary>One attempt per owed recipient now; transient failures go to the outbox. With
    /// <paramref name="untilRetriesEnd"/> (the CLI, which has no later run) it also waits for the retries it queued and
    /// counts how they ended.</summary>
    public async Task<DigestRunResult> SendAsync(CancellationToken cancellationToken, bool untilRetriesEnd = false)
    {
        var recipients = Recipients();

        // The hourly catch-up and every replica's trigger land here: when the week is done, stop before evaluating anything.
        var weekKey = IsoWeek.KeyOf(time.GetUtcNow(), options.Zone());
        var records = (await store.GetDigestDeliveriesAsync(weekKey, cancellationToken)).ToDictionary(d => d.Recipient, StringComparer.Ordinal);
        if (recipients.All(r => records.GetValueOrDefault(r.Address) is { IsSettled: true }))
            return new DigestRunResult(weekKey, recipients.Count, 0, 0, recipients.Count, 0, 0, 0);

        var (report, week, previous, titles) = await GatherAsync(claim: true, cancellationToken);
        if (week.WeekKey != weekKey)
            records = (await store.GetDigestDeliveriesAsync(week.WeekKey, cancellationToken)).ToDictionary(d => d.Recipient, StringComparer.Ordinal);
        int sent = 0, skipped = 0, failed = 0, unknown = 0, exhausted = 0;
        var queued = new List<Task<DigestAttempt>>();
        var unreachable = false;
        foreach (var recipient in recipients)
        {
            var record = records.GetValueOrDefault(recipient.Address);
            if (record is { IsSettled: true })
            {
                skipped++;
                continue;
            }

            var parcel = new DigestParcel(week.WeekKey, recipient, DigestMessage.Compose(Content(report, recipient, week, previous, titles), smtp.From, recipient.Address));
            var now = time.GetUtcNow();
            if (outbox.Pending(parcel.Key) is { } waiting)
            {
                queued.Add(waiting);
                continue;
            }

            // Retrying and its back-off still running (another replica's run, or one before a restart): on schedule, not now.
            var due = record is { Attempts: > 0 } ? record.At + options.BackoffAfter(record.Attempts) : now;
            if (due > now || unreachable)
            {
                Queue(parcel, unreachable && due <= now ? now + options.RetryDelay : due);
                continue;
            }

            var attempt = await sender.AttemptAsync(parcel, cancellationToken);
            switch (attempt.State)
            {
                case DigestDeliveryState.Sent: sent++; break;
                case DigestDeliveryState.FailedPermanent: failed++; break;
                case DigestDeliveryState.Unknown: unknown++; break;
                case DigestDeliveryState.Retrying when attempt.Attempts >= options.MaxAttempts: exhausted++; break;
                case DigestDeliveryState.Retrying:
                    unreachable |= attempt.Outcome == SendOutcome.Unreachable;
                    Queue(parcel, time.GetUtcNow() + options.BackoffAfter(attempt.Attempts));
                    break;
                default: skipped++; break;
            }
        }

        if (!untilRetriesEnd)
            return new DigestRunResult(week.WeekKey, recipients.Count, sent, queued.Count, skipped, failed, unknown, queued.Count + exhausted);

        foreach (var retry in await Task.WhenAll(queued).WaitAsync(cancellationToken))
        {
            switch (retry.State)
            {
                case DigestDeliveryState.Sent: sent++; break;
                case DigestDeliveryState.FailedPermanent: failed++; break;
                case DigestDeliveryState.Unknown: unknown++; break;
                case DigestDeliveryState.Retrying: exhausted++; break;
                default: skipped++; break;
            }
        }

        return new DigestRunResult(week.WeekKey, recipients.Count, sent, 0, skipped, failed, unknown, exhausted);

        void Queue(DigestParcel parcel, DateTimeOffset at)
        {
            if (outbox.Enqueue(parcel, at) is { } task)
                queued.Add(task);
            else
                exhausted++; // shutting down: the record stays owed for the next run
        }
    }

    private IReadOnlyList<DigestRecipient> Recipients() => DigestRecipients.Of(matrix);

    private DigestContent Content(MatrixReport report, DigestRecipient recipient, DigestWeek week, DigestWeek? previous, IReadOnlyDictionary<string, string> titles) =>
        DigestContent.Build(report, recipient, week, previous, titles, options.Zone(), matrix.Matrix.Name, Link());

    private Uri? Link() =>
        Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private async Task<(MatrixReport Report, DigestWeek Week, DigestWeek? Previous, IReadOnlyDictionary<string, string> Titles)> GatherAsync(bool claim, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var zone = options.Zone();
        var report = await round.RunAsync(now, cancellationToken);
        var built = DigestContent.WeekOf(report, IsoWeek.KeyOf(now, zone), now);
        var week = claim ? await store.ClaimDigestWeekAsync(built, cancellationToken) : built;
        var previous = await store.GetDigestWeekAsync(IsoWeek.PreviousKeyOf(now, zone), cancellationToken);
        return (report, week, previous, report.LatestTitles);
    }
}
