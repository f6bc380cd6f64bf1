using System.Security.Cryptography;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Web;

/// <summary>
/// A new cluster task from a form or the API, checked field by field with the config's own rules (<see cref="TaskRules"/>):
/// a task the API accepts is one <c>tasks:</c> in the config would accept too. The error names the field.
/// </summary>
internal sealed record TaskInput(ClusterTask? Task, string? Error)
{
    public const int MaxHours = 2160;

    public static TaskInput Read(string? title, string? link, string? hours, IReadOnlyList<string?>? assignees, MatrixConfig matrix, DateTimeOffset now)
    {
        if (TaskRules.TitleProblem(title) is { } titleProblem)
        {
            return Refused($"title: {titleProblem}");
        }

        Uri? uri = null;
        if (!string.IsNullOrWhiteSpace(link) && TaskRules.LinkProblem(link, out uri) is { } linkProblem)
        {
            return Refused($"link: {linkProblem}");
        }

        if (!int.TryParse(hours, out var h) || h is < 1 or > MaxHours)
        {
            return Refused($"hours: a whole number from 1 to {MaxHours}");
        }

        if (AssigneesProblem(assignees ?? [], matrix) is { } assigneeProblem)
        {
            return Refused(assigneeProblem);
        }

        var id = "ui-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant();
        return new TaskInput(new ClusterTask(id, title!.Trim(), uri, now, now.AddHours(h), [.. (assignees ?? []).Select(a => a!)]), null);
    }

    /// <summary>Members only, each once; so never more names than the matrix has members (checked first, before any set is built).</summary>
    private static string? AssigneesProblem(IReadOnlyList<string?> names, MatrixConfig matrix)
    {
        var members = matrix.Accounts.Count(a => a.Tier == Tier.Member);
        if (names.Count > members)
        {
            return $"assignees: at most {members} (the matrix's member accounts), each once; {names.Count} given";
        }

        var accounts = DeclaredAccounts.Of(matrix);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var problem = names[i] is { } name ? TaskRules.AssigneeProblem(name, accounts, seen) : "expected an account id";
            if (problem is not null)
            {
                return $"assignees[{i}]: {problem}";
            }
        }

        return null;
    }

    private static TaskInput Refused(string error) => new(null, error);
}
