using System.Text;

namespace MediaMatrix.IntegrationTests.Digest;

/// <summary>A matrix config for digest tests: one office address, and <paramref name="contacts"/> member accounts each with its own contact.</summary>
internal static class DigestMatrix
{
    public const string Office = "office@dinghai.example.gov.cn";

    public static string Contact(int i) => $"contact{i:00}@dinghai.example.gov.cn";

    public static string AccountId(int i) => $"member-{i:00}";

    public static IReadOnlyList<string> AllRecipients(int contacts) => [Office, .. Enumerable.Range(1, contacts).Select(Contact)];

    /// <summary>Writes the config to a temp file and returns its path. <paramref name="matrixName"/> may be hostile (X4).</summary>
    public static string Write(int contacts, string matrixName = "定海区政务新媒体矩阵")
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("matrix:");
        yaml.AppendLine($"  name: \"{matrixName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"");
        yaml.AppendLine("  timezone: Asia/Shanghai");
        yaml.AppendLine($"  digestTo: [\"{Office}\"]");
        yaml.AppendLine("accounts:");
        yaml.AppendLine("  - { id: head, name: 定海山, platform: app, tier: head, department: 区融媒体中心, source: { kind: feed, url: \"http://app.example.gov.cn/rss.xml\" } }");
        for (var i = 1; i <= contacts; i++)
        {
            yaml.AppendLine($"  - id: {AccountId(i)}");
            yaml.AppendLine($"    name: 成员账号{i}");
            yaml.AppendLine("    platform: wechat");
            yaml.AppendLine("    tier: member");
            yaml.AppendLine($"    department: 部门{i}");
            yaml.AppendLine($"    source: {{ kind: feed, url: \"http://rss.example.gov.cn/{i}.xml\" }}");
            yaml.AppendLine($"    contacts: [\"{Contact(i)}\"]");
        }

        var path = Path.Combine(Path.GetTempPath(), $"mm-digest-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }
}
