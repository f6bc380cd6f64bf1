using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Diagnostics;
using MediaMatrix.Monitoring.Inspection;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Digest;

/// <summary>What one run did, for the CLI and tests.</summary>
internal sealed record DigestRunResult(string WeekKey, int Recipients, int Sent, int Skipped, int FailedPermanent, int Unknown, int StillRetrying);

/// <summary>
/// Builds and sends this ISO week's digest, exactly once per recipient across restarts and replicas:
/// the week's figures are claimed first (<c>SET NX</c>, style habit 13) so every replica sends the same content;
/// then each recipient is claimed with a lease (<c>SET NX PX</c>) and skipped if its delivery record is settled
/// (sent, failed-permanent, unknown, or sending = maybe delivered). Only "retrying" or no record means "send".
/// </summary>
internal sealed partial class WeeklyDigest(
    MatrixInspector inspector,
    IMatrixStore store,
    MatrixConfig matrix,
    DigestMailer mailer,
    DigestOptions options,
    SmtpOptions smtp,
    TimeProvider time,
    ILogger<WeeklyDigest> logger)
{
    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>True once this week's digest is due (Monday + <see cref="DigestOptions.DueAfter"/> in the digest's zone).</summary>
    public bool IsDue(DateTimeOffset now) => now >= IsoWeek.StartOf(now, options.Zone()) + options.DueAfter;

    /// <summary>Renders the office edition's HTML without sending or claiming anything (<c>digest --preview</c>).</summary>
    public async Task<string> PreviewAsync(CancellationToken cancellationToken)
    {
        var (report, week, previous, titles) = await GatherAsync(claim: false, cancellationToken);
        var office = new DigestRecipient(string.Empty, DigestEdition.Office, matrix.Accounts);
        return DigestHtml.Render(Content(report, office, week, previous, titles));
    }

    public async Task<DigestRunResult> SendAsync(CancellationToken cancellationToken)
    {
        var recipients = Recipients();

        // The hourly catch-up and every replica's trigger land here: when the week is done, stop before evaluating anything.
        var weekKey = IsoWeek.KeyOf(time.GetUtcNow(), options.Zone());
        var settled = (await store.GetDigestDeliveriesAsync(weekKey, cancellationToken)).Where(d => d.IsSettled).Select(d => d.Recipient).ToHashSet(StringComparer.Ordinal);
        if (recipients.All(r => settled.Contains(r.Address)))
            return new DigestRunResult(weekKey, recipients.Count, 0, recipients.Count, 0, 0, 0);

        var (report, week, previous, titles) = await GatherAsync(claim: true, cancellationToken);
        int sent = 0, skipped = 0, failed = 0, unknown = 0, retrying = 0;
        foreach (var recipient in recipients)
        {
            var outcome = await DeliverAsync(recipient, () => Content(report, recipient, week, previous, titles), week.WeekKey, cancellationToken);
            switch (outcome)
            {
                case DigestDeliveryState.Sent: sent++; break;
                case DigestDeliveryState.FailedPermanent: failed++; break;
                case DigestDeliveryState.Unknown: unknown++; break;
                case DigestDeliveryState.Retrying: retrying++; break;
                default: skipped++; break;
            }
        }

        return new DigestRunResult(week.WeekKey, recipients.Count, sent, skipped, failed, unknown, retrying);
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
        var report = await inspector.InspectAsync(now, persist: false, cancellationToken);
        var built = DigestContent.WeekOf(report, IsoWeek.KeyOf(now, zone), now);
        var week = claim ? await store.ClaimDigestWeekAsync(built, cancellationToken) : built;
        var previous = await store.GetDigestWeekAsync(IsoWeek.PreviousKeyOf(now, zone), cancellationToken);
        return (report, week, previous, await LatestTitlesAsync(report, now, cancellationToken));
    }

    /// <summary>The newest post title of each account the digest lists by name with a problem (not of every account: a read each).</summary>
    private async Task<IReadOnlyDictionary<string, string>> LatestTitlesAsync(MatrixReport report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (account, evaluation) in report.Accounts.Where(a => a.Evaluation.Verdict == Verdict.Unqualified || a.Evaluation.Weak))
        {
            var posts = await store.GetPostsAsync(account.Id, now.AddDays(-400), cancellationToken);
            if (posts.Count > 0)
                titles[account.Id] = posts[0].Title;
        }

        return titles;
    }

    /// <summary>Delivers one recipient's edition unless someone else holds it or it is settled. Returns the state it
    /// left, or null when it skipped.</summary>
    private async Task<DigestDeliveryState?> DeliverAsync(DigestRecipient recipient, Func<DigestContent> content, string weekKey, CancellationToken cancellationToken)
    {
        if (!await store.ClaimDigestAsync(weekKey, recipient.Address, owner, options.ClaimLease, cancellationToken))
            return null;
        try
        {
            // Read after claiming: a record settled by the previous holder must not be sent again.
            var previous = (await store.GetDigestDeliveriesAsync(weekKey, cancellationToken)).FirstOrDefault(d => d.Recipient == recipient.Address);
            if (previous is { IsSettled: true })
                return null;

            var message = DigestMessage.Compose(content(), smtp.From, recipient.Address);
            var edition = recipient.Edition == DigestEdition.Office ? "office" : "department";
            var attempts = previous?.Attempts ?? 0;
            while (true)
            {
                attempts++;
                var result = await mailer.SendAsync(message, () => Record(weekKey, recipient, DigestDeliveryState.Sending, attempts, null, CancellationToken.None).GetAwaiter().GetResult(), cancellationToken);
                var state = result.Outcome switch
                {
                    SendOutcome.Sent => DigestDeliveryState.Sent,
                    SendOutcome.Permanent => DigestDeliveryState.FailedPermanent,
                    SendOutcome.Unknown => DigestDeliveryState.Unknown,
                    _ => DigestDeliveryState.Retrying,
                };
                await Record(weekKey, recipient, state, attempts, result.Detail, CancellationToken.None);
                MatrixMetrics.DigestSends.WithLabels(edition, state == DigestDeliveryState.Retrying ? "retry" : ScrapeTimeSeries.StateLabel(state)).Inc();
                if (state == DigestDeliveryState.Sent)
                    MatrixMetrics.DigestLastSent.Set(time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
                else
                    LogNotSent(logger, recipient.Address, weekKey, state, attempts, result.Detail);

                if (state != DigestDeliveryState.Retrying || attempts >= options.MaxAttempts)
                    return state;
                await Task.Delay(options.BackoffAfter(attempts), time, cancellationToken);
            }
        }
        finally
        {
            await store.ReleaseDigestClaimAsync(weekKey, recipient.Address, owner, CancellationToken.None);
        }
    }

    private Task Record(string weekKey, DigestRecipient recipient, DigestDeliveryState state, int attempts, string? detail, CancellationToken cancellationToken) =>
        store.SaveDigestDeliveryAsync(new DigestDelivery(weekKey, recipient.Address, state, time.GetUtcNow(), attempts, detail), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {WeekKey} to {Recipient}: {State} after {Attempts} attempt(s): {Detail}")]
    private static partial void LogNotSent(ILogger logger, string recipient, string weekKey, DigestDeliveryState state, int attempts, string detail);
}
