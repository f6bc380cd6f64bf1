namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// An operator's word that <see cref="AccountId"/> completed <see cref="TaskId"/>, with the evidence
/// (the repost's address, a screenshot link), who recorded it and when. It overrides matching: it exists for
/// reposts the monitor cannot see (a platform without a readable source, a post taken down since).
/// <see cref="CompletedAt"/> is when the evidence shows the repost went out; when given and after the
/// deadline the completion counts as late, otherwise as on time.
/// </summary>
public sealed record ManualCompletion(
    string TaskId,
    string AccountId,
    Uri Evidence,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    DateTimeOffset? CompletedAt = null,
    string? Note = null);
