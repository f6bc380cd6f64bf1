using MediaMatrix.Monitoring.Cleanup;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Cases in process, for the embedded store; compared like the Redis store compares their JSON.</summary>
public sealed class InMemoryCaseStore : ICaseStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, string> cases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CaseAuditEntry>> audit = new(StringComparer.Ordinal);

    public Task<bool> OpenCaseAsync(CleanupCase opened, IReadOnlyList<CaseAuditEntry> entries, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (!cases.TryAdd(opened.Id, CaseJson.Write(opened)))
                return Task.FromResult(false);
            audit[opened.Id] = [.. entries];
            return Task.FromResult(true);
        }
    }

    public Task<bool> UpdateCaseAsync(CaseChange change, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = change.After.Id;
        lock (gate)
        {
            if (change.Before is null || !cases.TryGetValue(id, out var current) || current != CaseJson.Write(change.Before))
                return Task.FromResult(false);
            cases[id] = CaseJson.Write(change.After);
            audit[id].AddRange(change.Entries);
            return Task.FromResult(true);
        }
    }

    public Task<CleanupCase?> GetCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return Task.FromResult(cases.TryGetValue(caseId, out var json) ? CaseJson.Read(json) : null);
        }
    }

    public Task<IReadOnlyList<CleanupCase>> GetCasesAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return Task.FromResult(CaseJson.NewestFirst(cases.Values.Select(CaseJson.Read)));
        }
    }

    public Task<IReadOnlyList<CaseAuditEntry>> GetCaseAuditAsync(string caseId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            IReadOnlyList<CaseAuditEntry> trail = audit.TryGetValue(caseId, out var list) ? [.. list] : [];
            return Task.FromResult(trail);
        }
    }
}
