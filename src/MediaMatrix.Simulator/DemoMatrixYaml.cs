using System.Text;
using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.Simulator;

/// <summary>
/// The matrix config (config/demo/matrix.yaml) for a cast served at a base URL. Written by hand,
/// not serialised: the committed file is compared to this text, so its layout must be stable
/// and read like a file a person wrote.
/// </summary>
public static class DemoMatrixYaml
{
    public const string HtmlProfile = "gov-list";

    public static string Render(Uri baseUrl) => Render(baseUrl, DemoCast.Accounts);

    public static string Render(Uri baseUrl, IReadOnlyList<SimulatedAccount> cast)
    {
        var yaml = new StringBuilder();
        yaml.Append("matrix:\n")
            .Append("  name: 定海区政务新媒体矩阵（演示）\n")
            .Append("  timezone: Asia/Shanghai\n")
            // The simulator listens on loopback, which the fetcher's private-address gate refuses otherwise.
            .Append("  allowPrivateNetworks: true\n")
            .Append("accounts:\n");
        foreach (var account in cast)
        {
            var url = new Uri(baseUrl, account.SourcePath).AbsoluteUri;
            var source = account.Format == SourceFormat.HtmlList
                ? $"{{ kind: html, url: \"{url}\", profile: {HtmlProfile} }}"
                : $"{{ kind: feed, url: \"{url}\" }}";
            yaml.Append("  - id: ").Append(account.Id).Append('\n')
                .Append("    name: ").Append(account.Name).Append('\n')
                .Append("    platform: ").Append(account.Platform).Append('\n')
                .Append("    tier: ").Append(account.Tier).Append('\n')
                .Append("    department: ").Append(account.Department).Append('\n')
                .Append("    source: ").Append(source).Append('\n');
        }

        // The head's standing orders (Cast.DemoCast.Tasks): the monitor turns the head's posts into tasks by these keywords.
        var head = cast.FirstOrDefault(a => a.IsHead);
        if (head?.Issues is { Count: > 0 } tasks)
        {
            yaml.Append("taskRules:\n")
                .Append("  - keywords: [").AppendJoin(", ", tasks.Select(t => t.Keyword).Distinct(StringComparer.Ordinal)).Append("]\n")
                .Append("    deadlineAfter: ").Append((int)SimulatedTask.DeadlineAfter.TotalHours).Append("h\n");
        }

        // The duty mobile the office publishes on purpose (History.PostBodies.Hotline) is no leak.
        yaml.Append("content:\n")
            .Append("  allowedNumbers: [\"").Append(History.PostBodies.Hotline).Append("\"]\n")
            .Append("  deniedHosts: [\"bet-example.com\"]\n");
        // Named, not left to the default, so a reader of the file sees which rules judge it (config/rules/README.md).
        yaml.Append("rules: national\n");
        yaml.Append("profiles:\n")
            .Append("  ").Append(HtmlProfile).Append(": { items: \"ul.news-list li\", title: \"a\", link: \"a@href\", published: \"span.date\", article: \"div.article-content\" }\n");
        return yaml.ToString();
    }
}
