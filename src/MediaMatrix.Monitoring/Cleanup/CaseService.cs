using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Decisions;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Monitoring.Cleanup;

/// <summary>
/// Carries decisions and operators' step records into the case store. A decision to rectify, merge or close opens a
/// case unless the account already has an open case of that disposition (confirming twice is one case); a decision for
/// another disposition ends the account's open cases as superseded first. The rules are <see cref="CaseSteps"/>.
/// </summary>
public sealed class CaseService(ICaseStore store, CaseOptions options)
{
    public CaseOptions Options => options;

    /// <summary>After <paramref name="decision"/> is saved: the account's open case for what was decided (new or kept), or null for retain.</summary>
    public async Task<CleanupCase?> DecidedAsync(Decision decision, Disposition? proposal, CancellationToken cancellationToken)
    {
        var open = (await store.GetCasesAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => c.AccountId == decision.AccountId && c.IsOpen).ToList();
        if (open.FirstOrDefault(c => c.Disposition == decision.Decided) is { } same)
            return same;

        foreach (var c in open)
            await store.UpdateCaseAsync(CaseSteps.Supersede(c, decision), cancellationToken).ConfigureAwait(false);

        if (CaseSteps.Open(decision, proposal, options) is not { } opened)
            return null;

        return await store.OpenCaseAsync(opened, [CaseSteps.Opened(opened, decision)], cancellationToken).ConfigureAwait(false)
            ? opened
            : await store.GetCaseAsync(opened.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records one step; the error names the field (<c>caseId</c>, <c>step</c>, <c>at</c>, <c>case</c>).</summary>
    public async Task<(CleanupCase? Case, string? Error)> RecordAsync(string caseId, StepRecord record, CancellationToken cancellationToken)
    {
        if (await store.GetCaseAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } current)
            return (null, "caseId: unknown case");

        var (change, error) = CaseSteps.Record(current, record);
        if (error is not null)
            return (null, error);

        return await store.UpdateCaseAsync(change!, cancellationToken).ConfigureAwait(false)
            ? (change!.After, null)
            : (null, "case: changed by someone else meanwhile; reload and try again");
    }
}
