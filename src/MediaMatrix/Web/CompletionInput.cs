using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Web;

/// <summary>A completion recorded by hand, from the tasks page or the API; the error names the field.</summary>
internal static class CompletionInput
{
    /// <summary>Clocks differ a little between the operator's machine and ours; a completion further ahead is a typo.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static (ManualCompletion? Completion, string? Error) Read(
        ClusterTask task, string? accountId, string? evidence, DateTimeOffset? completedAt, string? note, MatrixConfig matrix, string by, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(accountId) || matrix.Accounts.All(a => a.Id != accountId))
        {
            return (null, "accountId: unknown account");
        }

        if (!task.AssigneesAmong(matrix.MemberIds).Contains(accountId))
        {
            return (null, $"accountId: {ConfigText.Quote(accountId)} is not assigned task {ConfigText.Quote(task.Id)}");
        }

        if (string.IsNullOrEmpty(evidence) || TaskRules.LinkProblem(evidence, out var link) is { } linkProblem)
        {
            return (null, $"evidence: must be an http(s) link of at most {TaskRules.MaxLinkLength} characters");
        }

        if (completedAt is { } at && at > now + ClockSkew)
        {
            return (null, "completedAt: is in the future");
        }

        var text = note?.Trim() ?? "";
        if (OperatorNote.Problem(text) is { } noteProblem)
        {
            return (null, $"note: {noteProblem}");
        }

        return (new ManualCompletion(task.Id, accountId, link!, by, now, completedAt, text.Length == 0 ? null : text), null);
    }
}
