using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Tests.Reference;

/// <summary>
/// Title reduction and single-task matching as they were before benchmark S1 (regexes, a string and a bigram dictionary
/// per post per task, commit 1f3c132), kept only as the oracle the one-pass matching must agree with on any input.
/// </summary>
internal static partial class PreviousTaskMatching
{
    [GeneratedRegex(@"【[^】]*】|#[^#]*#")]
    private static partial Regex DecorationBlock();

    [GeneratedRegex(@"^\s*(?:(?:转发|转载|转自)\s*[:：]?|转\s*[:：])\s*")]
    private static partial Regex RepostPrefix();

    public static string Core(string title)
    {
        var text = title.Normalize(NormalizationForm.FormKC);
        var withoutBlocks = DecorationBlock().Replace(text, "");
        text = Words(withoutBlocks).Length > 0 ? withoutBlocks : text.Replace("【", "", StringComparison.Ordinal)
            .Replace("】", "", StringComparison.Ordinal).Replace("#", "", StringComparison.Ordinal);

        string previous;
        do
        {
            previous = text;
            text = RepostPrefix().Replace(text, "");
        }
        while (text != previous);

        return Words(text);
    }

    public static double Score(string a, string b) => Score(Bigrams(Core(a)), Bigrams(Core(b)));

    /// <summary>The previous <c>TaskMatcher.Match</c> without the manual override.</summary>
    public static TaskCompletion Match(ClusterTask task, string accountId, IEnumerable<Post> posts, DateTimeOffset now, double threshold) =>
        new Matcher(task, threshold).Match(accountId, posts, now);

    /// <summary>The previous <c>TaskMatcher</c>: the task's link and title reduced once, every post's once per task.</summary>
    public sealed class Matcher(ClusterTask task, double threshold)
    {
        private readonly string? link = task.Link is null ? null : PostLink.Normalise(task.Link);
        private readonly Dictionary<string, int> title = Bigrams(Core(task.Title));

        public TaskCompletion Match(string accountId, IEnumerable<Post> posts, DateTimeOffset now)
        {
            TaskCompletion? best = null;
            DateTimeOffset bestAt = default;
            foreach (var post in posts)
            {
                if (post.PublishedAt is not { } at || at < task.Issued || at > now)
                    continue;
                if (best is not null && (at > bestAt || (at == bestAt && string.CompareOrdinal(post.Id, best.PostId) >= 0)))
                    continue;

                (CompletionMatch Match, double? Similarity)? found = null;
                if (link is not null && PostLink.Normalise(post.Link) == link)
                {
                    found = (CompletionMatch.Link, null);
                }
                else
                {
                    var score = Score(title, Bigrams(Core(post.Title)));
                    if (score >= threshold)
                        found = (CompletionMatch.Title, score);
                }

                if (found is null)
                    continue;

                var status = at <= task.Deadline ? CompletionStatus.OnTime : CompletionStatus.Late;
                best = new TaskCompletion(task.Id, accountId, status, found.Value.Match, post.Id, found.Value.Similarity);
                bestAt = at;
            }

            return best ?? new TaskCompletion(task.Id, accountId, CompletionStatus.Missing);
        }
    }

    private static double Score(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        int countA = a.Values.Sum(), countB = b.Values.Sum();
        if (countA == 0 || countB == 0)
            return 0;
        return 2.0 * a.Sum(pair => Math.Min(pair.Value, b.GetValueOrDefault(pair.Key))) / (countA + countB);
    }

    private static Dictionary<string, int> Bigrams(string core)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (core.Length == 1)
            counts[core] = 1;
        for (var i = 0; i + 1 < core.Length; i++)
        {
            var pair = core.Substring(i, 2);
            counts[pair] = counts.GetValueOrDefault(pair) + 1;
        }

        return counts;
    }

    private static string Words(string text)
    {
        var words = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category is UnicodeCategory.OtherNumber or UnicodeCategory.LetterNumber)
                words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
