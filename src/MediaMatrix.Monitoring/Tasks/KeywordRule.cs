using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// A <c>taskRules:</c> entry: a head post whose title contains one of <see cref="Keywords"/> becomes a task due
/// <see cref="DeadlineAfter"/> after the post, for <see cref="Assignees"/> (empty: every member). This is how the
/// office's standing orders (every 征兵 or 防汛 notice must be reposted within 48 hours) become tasks without
/// anyone typing them in.
/// </summary>
public sealed record KeywordRule(IReadOnlyList<string> Keywords, TimeSpan DeadlineAfter, IReadOnlyList<string> Assignees);

/// <summary>Turns head posts into tasks by the keyword rules. Pure: the same posts and rules always give the same tasks.</summary>
public static partial class KeywordRules
{
    public const string IdPrefix = "auto-";

    // The same alphabet as account and task ids in config: ids end up in store keys and URLs.
    [GeneratedRegex("^[a-z0-9-]{1,59}$")]
    private static partial Regex PlainPostId();

    /// <summary>
    /// One task per dated head post whose title matches a rule (the first matching rule decides deadline and
    /// assignees). Posts whose link is already the link of a task in <paramref name="existing"/> are skipped, so a
    /// task also written in config by hand is not issued twice.
    /// </summary>
    public static IReadOnlyList<ClusterTask> Apply(IEnumerable<Post> headPosts, IReadOnlyList<KeywordRule> rules, IEnumerable<ClusterTask> existing)
    {
        var known = existing.Select(t => t.Link is null ? null : PostLink.Normalise(t.Link)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var tasks = new List<ClusterTask>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var post in headPosts)
        {
            if (post.PublishedAt is not { } published || PostLink.Normalise(post.Link) is { } l && known.Contains(l))
                continue;

            var rule = rules.FirstOrDefault(r => r.Keywords.Any(k => post.Title.Contains(k, StringComparison.Ordinal)));
            var id = TaskId(post.Id);
            if (rule is null || !ids.Add(id))
                continue;

            Uri.TryCreate(post.Link, UriKind.Absolute, out var link);
            tasks.Add(new ClusterTask(id, post.Title, link, published, published + rule.DeadlineAfter, rule.Assignees));
        }

        return tasks;
    }

    /// <summary>
    /// <c>auto-</c> and the head post's id when that id is plain (the usual numeric or slug id), otherwise the first
    /// 12 hex digits of its SHA-256. Derived from the post alone, so re-running a rule never creates a second task.
    /// </summary>
    public static string TaskId(string headPostId)
    {
        if (PlainPostId().IsMatch(headPostId))
            return IdPrefix + headPostId;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(headPostId));
        return IdPrefix + Convert.ToHexStringLower(hash)[..12];
    }
}
