namespace MediaMatrix.Monitoring.Matrix;

/// <summary>An account's state in the registry (备案登记表): 正常/运营中, 停更, 已注销/已关停.</summary>
public enum FilingStatus { Open, Paused, Closed }

/// <summary>
/// One filed account as the matrix's registry file records it (<c>registry:</c>, written by <c>mediamatrix registry</c>).
/// <see cref="Account"/> is the matrix account it is, or null for an account that is filed but not monitored (the
/// registry names no source to read). Unit and name are as filed; the account's own <c>department</c> and <c>name</c>
/// stay what the operator wrote, because digests, notification routes and tasks are keyed by them.
/// </summary>
public sealed record Filing(
    string? Account,
    string Unit,
    string Name,
    Platform Platform,
    string? Ref,
    string? Number,
    FilingStatus Status,
    DateOnly? ClosedOn);

/// <summary>The registry file the matrix names, as read: its path (as written, relative to the matrix) and its filings.</summary>
public sealed record MatrixRegistry(string Path, IReadOnlyList<Filing> Filings)
{
    public bool Equals(MatrixRegistry? other) => other is not null && Path == other.Path && Filings.SequenceEqual(other.Filings);

    public override int GetHashCode() => HashCode.Combine(Path, Filings.Count);
}
