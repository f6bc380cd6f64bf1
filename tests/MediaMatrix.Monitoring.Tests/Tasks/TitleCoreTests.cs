using System.Text;
using MediaMatrix.Monitoring.Tasks;
using MediaMatrix.Monitoring.Tests.Reference;

namespace MediaMatrix.Monitoring.Tests.Tasks;

/// <summary>The regex-free title reduction must reduce every title exactly as the previous regex one did.</summary>
public class TitleCoreTests
{
    // Pieces titles are made of, the awkward ones included: decoration, prefixes, full-width and compatibility forms,
    // combining marks (NFKC composes them), ellipsis and circled numbers (NFKC expands them), a surrogate pair.
    private static readonly string[] Pieces =
    [
        "定海区", "2026年", "冬季征兵公告", "转", "发", "载", "自", "转发", "转载", "转自", "：", ":", " ", "　", "\t", "\u00A0",
        "【", "】", "【转发】", "【重要通知】", "#", "＃", "#定海发布#", "“", "”", "！", "，", "。", "·", "…", "ＡＢ", "Ab", "①", "Ⅷ",
        "e\u0301", "\u0301", "ﬁ", "㈠", "\U00020000", "ｶ\uFF9E", "、", "《", "》", "—", "x", "9",
    ];

    [Fact]
    public void FoldCommon_EveryCharItFolds_IsWhatIcuNfkcGives()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var folded = TitleCore.FoldCommon((char)c);
            if (folded >= 0)
                Assert.True(((char)c).ToString().Normalize(NormalizationForm.FormKC) == ((char)folded).ToString(), $"U+{c:X4}");
        }
    }

    [Fact]
    public void FoldCommon_StringsOfFoldedChars_NormaliseCharByChar()
    {
        // NFKC is per char only where nothing composes: every pair of the non-ideograph folded chars, and ideographs beside them.
        var chars = Enumerable.Range(0, 0x10000).Where(c => c is < 0x3400 or > 0x9FFF && TitleCore.FoldCommon((char)c) >= 0).Append(0x4E00).Append(0x9FA5).Append(0x3400);
        var list = chars.Select(c => (char)c).ToList();
        foreach (var first in list)
        {
            foreach (var second in list)
            {
                var pair = new string([first, second]);
                var expected = new string([(char)TitleCore.FoldCommon(first), (char)TitleCore.FoldCommon(second)]);
                Assert.True(pair.Normalize(NormalizationForm.FormKC) == expected, $"U+{(int)first:X4} U+{(int)second:X4}");
            }
        }
    }

    [Fact]
    public void WordOrZero_EveryChar_IsTheUnicodeTablesAnswer()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var ch = (char)c;
            var word = char.IsLetterOrDigit(ch) || char.GetUnicodeCategory(ch) is System.Globalization.UnicodeCategory.OtherNumber
                or System.Globalization.UnicodeCategory.LetterNumber;
            Assert.True((word ? char.ToLowerInvariant(ch) : '\0') == TitleCore.WordOrZero(ch), $"U+{c:X4}");
        }
    }

    [Fact]
    public void Core_AgreesWithThePreviousRegexReduction_OnRandomTitles()
    {
        var random = new Random(1201);
        for (var i = 0; i < 20_000; i++)
        {
            var title = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            Assert.True(PreviousTaskMatching.Core(title) == TitleSimilarity.Core(title), $"'{title}': '{TitleSimilarity.Core(title)}'");
        }
    }

    [Fact]
    public void Score_AgreesWithThePreviousImplementation_OnRandomTitles()
    {
        var random = new Random(1203);
        for (var i = 0; i < 5_000; i++)
        {
            var a = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var b = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            Assert.Equal(PreviousTaskMatching.Score(a, b), TitleSimilarity.Score(a, b));
        }
    }

    [Fact]
    public void Core_LongTitleFullOfUnclosedBrackets_IsReducedInOnePass()
    {
        var title = string.Concat(Enumerable.Repeat("【定海", 20_000)) + "#征兵";

        Assert.Equal(string.Concat(Enumerable.Repeat("定海", 20_000)) + "征兵", TitleSimilarity.Core(title));
    }
}
