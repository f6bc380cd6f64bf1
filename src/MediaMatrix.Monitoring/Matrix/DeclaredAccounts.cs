using YamlDotNet.RepresentationModel;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// The account ids written in the file, read from the raw YAML rather than from the validated accounts: an account
/// with a typo in its platform is still the account a task names, and reporting the task's assignee as unknown too
/// would be two errors for one mistake. The host builds one from the validated matrix for tasks made at run time.
/// </summary>
public sealed record DeclaredAccounts(IReadOnlySet<string> Ids, IReadOnlySet<string> Heads)
{
    public static DeclaredAccounts Of(MatrixConfig matrix) => new(
        matrix.Accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal),
        matrix.Accounts.Where(a => a.Tier == Tier.Head).Select(a => a.Id).ToHashSet(StringComparer.Ordinal));

    internal static DeclaredAccounts From(YamlNode? accounts)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var heads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in (accounts as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
        {
            if (Scalar(account, "id") is not { } id)
                continue;
            ids.Add(id);
            if (Scalar(account, "tier") == "head")
                heads.Add(id);
        }

        return new DeclaredAccounts(ids, heads);
    }

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text } ? text : null;
}
