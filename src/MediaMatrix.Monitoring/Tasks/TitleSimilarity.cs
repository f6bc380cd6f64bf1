using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// How close a repost's title is to the task's. Titles are first reduced to their words: reposts decorate them
/// (【转发】, 转载：, #话题#, full-width punctuation, spaces) without changing what they announce. The score is the
/// Dice coefficient of the character-bigram multisets, 2|A∩B| / (|A| + |B|): Chinese has no spaces, so bigrams
/// stand in for words, and Dice (unlike Jaccard) does not punish a repost for adding a few characters of its own.
/// </summary>
public static partial class TitleSimilarity
{
    // A whole bracket or topic block, e.g. 【转发】 or #定海发布#. Full-width # is folded to # by NFKC first.
    [GeneratedRegex(@"【[^】]*】|#[^#]*#")]
    private static partial Regex DecorationBlock();

    // Repost markers at the start, after blocks are gone: 转发 / 转载 / 转自 with or without a colon, or 转 with one.
    [GeneratedRegex(@"^\s*(?:(?:转发|转载|转自)\s*[:：]?|转\s*[:：])\s*")]
    private static partial Regex RepostPrefix();

    /// <summary>The text that is compared: decoration, punctuation, symbols and whitespace removed, ASCII in lower case.</summary>
    public static string Core(string title)
    {
        var text = title.Normalize(NormalizationForm.FormKC);

        // A block is dropped only if text remains: a Weibo post is often just 【the title】 or #the title#.
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

    /// <summary>Dice similarity of the bigrams of the two titles' cores, from 0 (nothing shared) to 1 (same words).</summary>
    public static double Score(string a, string b) => Score(Bigrams.Of(Core(a)), Bigrams.Of(Core(b)));

    internal static double Score(Bigrams a, Bigrams b)
    {
        if (a.Count == 0 || b.Count == 0)
            return 0;
        return 2.0 * a.SharedWith(b) / (a.Count + b.Count);
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

/// <summary>The multiset of adjacent character pairs of a title core; a one-character core is its own single "bigram".</summary>
internal sealed class Bigrams
{
    private readonly Dictionary<string, int> counts;

    private Bigrams(Dictionary<string, int> counts, int count)
    {
        this.counts = counts;
        Count = count;
    }

    public int Count { get; }

    public static Bigrams Of(string core)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (core.Length == 1)
            counts[core] = 1;
        for (var i = 0; i + 1 < core.Length; i++)
        {
            var pair = core.Substring(i, 2);
            counts[pair] = counts.GetValueOrDefault(pair) + 1;
        }

        return new Bigrams(counts, counts.Values.Sum());
    }

    public int SharedWith(Bigrams other) =>
        counts.Sum(pair => Math.Min(pair.Value, other.counts.GetValueOrDefault(pair.Key)));
}
