using MediaMatrix.Monitoring.Cleanup;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Cleanup cases and their trails: permanent, like decisions (docs/redis-keys.md). A case is never deleted;
/// every change rewrites it guarded by the value it replaces and appends its entries, in one transaction.</summary>
public interface ICaseStore
{
    /// <summary>Adds the case and its entries. False when a case with its id exists.</summary>
    Task<bool> OpenCaseAsync(CleanupCase opened, IReadOnlyList<CaseAuditEntry> entries, CancellationToken cancellationToken);

    /// <summary>Writes <see cref="CaseChange.After"/> and appends the entries if the stored case still equals
    /// <see cref="CaseChange.Before"/>; false when it does not (someone else changed it first) or is unknown.</summary>
    Task<bool> UpdateCaseAsync(CaseChange change, CancellationToken cancellationToken);

    Task<CleanupCase?> GetCaseAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Every case, open or not, newest opened first (one read per evaluation round and per page).</summary>
    Task<IReadOnlyList<CleanupCase>> GetCasesAsync(CancellationToken cancellationToken);

    /// <summary>The case's trail in order.</summary>
    Task<IReadOnlyList<CaseAuditEntry>> GetCaseAuditAsync(string caseId, CancellationToken cancellationToken);
}
