using MediaMatrix.Monitoring.Content;

namespace MediaMatrix.Monitoring.Tests.Content;

public sealed class ContentLexiconTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 3);

    private static readonly Lexicon Test = new("test", "1",
    [
        new("npc", "人民代表大会常务委员", "人民代表大会常务委员会", ContentSeverity.Serious, "s1"),
        new("npc-short", "常务委员", null, ContentSeverity.Minor, "s2"),
        new("prc", "中华人民共合国", "中华人民共和国", ContentSeverity.Serious, "s3", Traditional: true),
        new("install", "按装", "安装", ContentSeverity.Minor, "s4"),
        new("abc", "ABC错", "ABC对", ContentSeverity.Minor, "s5"),
    ]);

    private static readonly ContentChecker Checker = new([Test], new ContentRules());

    public static TheoryData<string, string, string[]> Cases => new()
    {
        { "longest match wins", "人民代表大会常务委员开会", ["lexicon:npc"] },
        { "right form present does not fire its entry (a shorter entry still fires)", "人民代表大会常务委员会召开", ["lexicon:npc-short"] },
        { "multiple hits in order", "按装后，中华人民共合国，再按装", ["lexicon:install", "lexicon:prc", "lexicon:install"] },
        { "zero-width characters inside a wrong form", "按\u200B装", ["lexicon:install"] },
        { "soft hyphen inside a wrong form", "按\u00AD装", ["lexicon:install"] },
        { "full-width letters", "ＡＢＣ错", ["lexicon:abc"] },
        { "traditional variant when the entry says so", "中華人民共合國", ["lexicon:prc"] },
        { "no traditional variant otherwise", "按裝", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_Lexicon(string because, string text, string[] rules)
    {
        var hits = Checker.Check(text, AsOf);

        Assert.True(rules.SequenceEqual(hits.Select(h => h.Rule)), $"{because}: {string.Join(", ", hits.Select(h => h.Rule))}");
    }

    [Fact]
    public void Check_Positions_IndexTheNormalisedText()
    {
        var text = "ＡＢ按装和按装";
        var normal = ContentText.Normalize(text);
        var hits = Checker.Check(text, AsOf);

        Assert.Equal([2, 5], hits.Select(h => h.Start));
        Assert.All(hits, h => Assert.Equal("按装", normal.Substring(h.Start, h.Length)));
        Assert.Equal("安装", hits[0].Correct);
        Assert.Equal("s4", hits[0].Source);
    }

    public static TheoryData<string, string, int, int, int, string, string, string> Excerpts => new()
    {
        { "whole text within the radius", "前文按装后文", 2, 2, 10, "前文", "按装", "后文" },
        { "cut on both sides with marks", "一二三按装四五六", 3, 2, 1, "…三", "按装", "四…" },
        { "surrogate pair not split before", "a😀按装", 3, 2, 1, "…", "按装", "" },
        { "surrogate pair not split after", "按装😀b", 0, 2, 1, "", "按装", "…" },
        { "radius zero", "前按装后", 1, 2, 0, "…", "按装", "…" },
    };

    [Theory]
    [MemberData(nameof(Excerpts))]
    public void Excerpt_Around(string because, string text, int start, int length, int radius, string before, string match, string after)
    {
        var hit = new ContentHit("r", Monitoring.Assessment.FindingKind.SeriousError, ContentSeverity.Minor, start, length, match, null, null);

        var excerpt = ContentExcerpt.Around(text, hit, radius);

        Assert.True((before, match, after) == excerpt, $"{because}: {excerpt}");
    }

    [Fact]
    public void ShippedStarterLexicon_LoadsAndEachEntryFiresOnlyOnItsWrongForm()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MediaMatrix.sln")))
            dir = dir.Parent;
        Assert.NotNull(dir);

        var result = LexiconLoader.LoadFolder(Path.Combine(dir.FullName, "config", "lexicons"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var checker = new ContentChecker(result.Lexicons, new ContentRules());
        foreach (var entry in result.Lexicons.SelectMany(l => l.Entries))
        {
            var wrong = checker.Check($"文中{entry.Wrong}。", AsOf);
            Assert.True(wrong.Any(h => h.Rule == ContentRuleNames.Lexicon(entry)), $"{entry.Id} does not fire on {entry.Wrong}");
            if (entry.Right is { } right)
                Assert.True(checker.Check($"文中{right}。", AsOf).Count == 0, $"{entry.Id}: its right form {right} fires");
        }
    }
}
