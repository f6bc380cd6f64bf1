using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Decisions;

namespace MediaMatrix.Web;

/// <summary>An operator's confirm/override of the current proposal, from a form or the API; errors name the field.</summary>
internal static class DecisionInput
{
    public static (Decision? Decision, string? Error) Read(string accountId, Evaluation evaluation, string? action, string? kind, string? reason, string by, DateTimeOffset at)
    {
        reason = reason?.Trim() ?? "";
        if (OperatorNote.Problem(reason) is { } problem)
        {
            return (null, $"reason: {problem}");
        }

        if (evaluation.Disposition is not { } proposal)
        {
            return (null, "accountId: no proposal to decide on (the verdict is unknown)");
        }

        switch (action)
        {
            case "confirm":
                return (Decision.Confirm(accountId, proposal.Kind, reason.Length == 0 ? "确认处置建议" : reason, by, at), null);
            case "override":
                if (!Enum.TryParse<DispositionKind>(kind, ignoreCase: true, out var decided) || !Enum.IsDefined(decided))
                {
                    return (null, "kind: one of retain, rectify, merge, close");
                }

                return reason.Length == 0
                    ? (null, "reason: required to override a proposal")
                    : (Decision.Override(accountId, proposal.Kind, decided, reason, by, at), null);
            default:
                return (null, "action: confirm or override");
        }
    }
}
