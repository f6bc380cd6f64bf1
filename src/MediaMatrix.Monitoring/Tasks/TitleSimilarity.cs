using System.Runtime.CompilerServices;

namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// How close a repost's title is to the task's. Titles are first reduced to their words: reposts decorate them
/// (【转发】, 转载：, #话题#, full-width punctuation, spaces) without changing what they announce. The score is the
/// Dice coefficient of the character-bigram multisets, 2|A∩B| / (|A| + |B|): Chinese has no spaces, so bigrams
/// stand in for words, and Dice (unlike Jaccard) does not punish a repost for adding a few characters of its own.
/// </summary>
public static class TitleSimilarity
{
    /// <summary>The text that is compared: decoration, punctuation, symbols and whitespace removed, ASCII in lower case.</summary>
    public static string Core(string title)
    {
        var buffer = new char[title.Length];
        return new string(TitleCore.Reduce(title, ref buffer));
    }

    /// <summary>Dice similarity of the bigrams of the two titles' cores, from 0 (nothing shared) to 1 (same words).</summary>
    public static double Score(string a, string b)
    {
        var first = TitleBigrams.Sorted(Core(a));
        var second = TitleBigrams.Sorted(Core(b));
        return Score(TitleBigrams.Shared(first, second), first.Length, second.Length);
    }

    /// <param name="shared">|A∩B| of the multisets.</param>
    internal static double Score(int shared, int countA, int countB) =>
        countA == 0 || countB == 0 ? 0 : 2.0 * shared / (countA + countB);
}

/// <summary>
/// The multiset of adjacent character pairs of a title core, each pair packed in an int; a one-character core is its
/// own single "bigram" (packed with a second char of 0, which no core contains).
/// </summary>
internal static class TitleBigrams
{
    public static int Count(int coreLength) => coreLength == 1 ? 1 : Math.Max(0, coreLength - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int At(ReadOnlySpan<char> core, int index) =>
        (core[index] << 16) | (core.Length == 1 ? 0 : core[index + 1]);

    public static int[] Sorted(ReadOnlySpan<char> core)
    {
        var bigrams = new int[Count(core.Length)];
        for (var i = 0; i < bigrams.Length; i++)
        {
            bigrams[i] = At(core, i);
        }

        Array.Sort(bigrams);
        return bigrams;
    }

    /// <summary>|A∩B| of two sorted multisets: each pair counts as often as it occurs in both.</summary>
    public static int Shared(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }
}
