using System.Globalization;
using System.Text;
using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Tests.Extraction;

/// <summary>Titles made fit to show: format controls removed, ordinary text kept, long titles cut on a text-element boundary.</summary>
public class ScrapedTextTests
{
    [Theory]
    [InlineData("right-to-left override", "\u202Egnp.exe 通知", "gnp.exe 通知")]
    [InlineData("every bidi embedding, override and isolate", "\u202A一\u202B二\u202C三\u202D四\u2066五\u2067六\u2068七\u2069", "一二三四五六七")]
    [InlineData("bidi marks", "\u200E关于\u200F印发\u061C通知", "关于印发通知")]
    [InlineData("zero-width space, joiners, BOM, word joiner", "\u200B区\u200C政\u200D府\uFEFF召\u2060开", "区政府召开")]
    [InlineData("soft hyphen", "govern\u00ADment", "government")]
    [InlineData("tag characters (outside the BMP)", "通知\U000E0041\U000E007F", "通知")]
    [InlineData("control characters", "通\u0001知\u007F\u0085", "通知")]
    [InlineData("whitespace left by a removed control", "区政府 \u200B 召开", "区政府 召开")]
    [InlineData("ordinary Chinese with punctuation", "关于印发《2026年工作要点》的通知（第3号）", "关于印发《2026年工作要点》的通知（第3号）")]
    [InlineData("Arabic and Hebrew stay, only their controls go", "\u202Bمرحبا שלום\u202C", "مرحبا שלום")]
    [InlineData("variation selectors and combining marks stay", "❤\uFE0F e\u0301", "❤\uFE0F e\u0301")]
    [InlineData("emoji outside the BMP stay", "点赞👍🏽", "点赞👍🏽")]
    [InlineData("only controls", "\u202E\u200B", "")]
    public void Title_RemovesFormatControlsAndKeepsText(string name, string raw, string expected)
    {
        var title = ScrapedText.Title(raw, out var cut);

        Assert.True(expected == title, $"{name}: got '{Escape(title)}'");
        Assert.False(cut);
    }

    // The shortcut for titles that need nothing must agree with the full rune-by-rune cleaning everywhere.
    [Fact]
    public void Title_Shortcut_AgreesWithTheFullCleaning_OnRandomText()
    {
        const string anything = "ab县长 \t\n\u00A0\u3000\u200B\u202E\uFEFF\u0007\u00AD😀\uD800.，";
        const string mostlyFit = "ab县长 .，";
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            var alphabet = i % 2 == 0 ? anything : mostlyFit;
            var length = random.Next(10) == 0 ? random.Next(290, 310) : random.Next(1, 12);
            var text = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            var fast = ScrapedText.Title(text, out var fastCut);
            var full = ScrapedText.TitleByRunes(text, out var fullCut);

            Assert.Equal(full, fast);
            Assert.Equal(fullCut, fastCut);
        }

        const string fit = "关于 2024 年县政府工作报告";
        Assert.Same(fit, ScrapedText.Title(fit, out _));
    }

    [Fact]
    public void Title_AtTheLimit_IsKeptWhole()
    {
        var raw = new string('政', ScrapedText.MaxTitleLength);

        Assert.Equal(raw, ScrapedText.Title(raw, out var cut));
        Assert.False(cut);
    }

    [Fact]
    public void Title_OneOverTheLimit_IsCutWithAnEllipsis()
    {
        var title = ScrapedText.Title(new string('政', ScrapedText.MaxTitleLength + 1), out var cut);

        Assert.True(cut);
        Assert.Equal(ScrapedText.MaxTitleLength, title.Length);
        Assert.Equal(new string('政', ScrapedText.MaxTitleLength - 1) + "…", title);
    }

    [Theory]
    [InlineData("a surrogate pair", "😀")]
    [InlineData("a skin-tone emoji", "👍🏽")]
    [InlineData("a family joined by ZWJ", "👨\u200D👩\u200D👧")]   // the joiners go, the people stay whole
    [InlineData("a letter with two combining marks", "e\u0301\u0323")]
    [InlineData("a flag", "🇨🇳")]
    public void Title_CutAcrossATextElement_NeverSplitsIt(string name, string element)
    {
        var raw = string.Concat(Enumerable.Repeat(element, 400));

        var title = ScrapedText.Title(raw, out var cut);

        Assert.True(cut, name);
        Assert.True(title.Length <= ScrapedText.MaxTitleLength, $"{name}: {title.Length}");
        Assert.EndsWith("…", title, StringComparison.Ordinal);
        var kept = title[..^1];
        var whole = string.Concat(Enumerable.Repeat(ScrapedText.Title(element, out _), 400));
        Assert.StartsWith(kept, whole, StringComparison.Ordinal);
        Assert.Contains(kept.Length, StringInfo.ParseCombiningCharacters(whole));
    }

    [Fact]
    public void Title_FourMegabytes_IsCutWithoutCopyingTheRest()
    {
        var raw = "\u202E" + new string('长', 4 * 1024 * 1024);

        var title = ScrapedText.Title(raw, out var cut);

        Assert.True(cut);
        Assert.Equal(ScrapedText.MaxTitleLength, title.Length);
        Assert.DoesNotContain('\u202E', title);
    }

    /// <summary>The feed, HTML and JSON paths all pass through PostExtractor, so each gets the same cleanup and count.</summary>
    [Theory]
    [InlineData(SourceKind.Feed)]
    [InlineData(SourceKind.Html)]
    [InlineData(SourceKind.Json)]
    public void Extract_EverySourceKind_CleansAndCountsCutTitles(SourceKind kind)
    {
        var spoofed = "\u202Egnp.exe 区政府通知\u2066";
        var longTitle = new string('长', 1000);
        var (body, profile) = kind switch
        {
            SourceKind.Feed => ($"""
                <rss version="2.0"><channel><title>t</title>
                <item><title>{spoofed}</title><link>https://example.gov.cn/1</link><pubDate>Fri, 20 Nov 2026 08:00:00 +0800</pubDate></item>
                <item><title>{longTitle}</title><link>https://example.gov.cn/2</link><pubDate>Fri, 20 Nov 2026 09:00:00 +0800</pubDate></item>
                </channel></rss>
                """, null),
            SourceKind.Html => ($"""
                <ul class="news"><li><a href="/1">{spoofed}</a><span>2026-11-20</span></li><li><a href="/2">{longTitle}</a><span>2026-11-20</span></li></ul>
                """, new Profile("list", "ul.news li", "a", "a@href", "span")),
            _ => ($$"""
                {"list":[{"title":"{{spoofed}}","url":"/1","date":"2026-11-20"},{"title":"{{longTitle}}","url":"/2","date":"2026-11-20"}]}
                """, new Profile("api", "list", "title", "url", "date")),
        };

        var result = PostExtractor.Extract(Fixture.Request(kind, Encoding.UTF8.GetBytes(body), Fixture.China(2026, 11, 21), profile));

        Assert.Equal(["gnp.exe 区政府通知", new string('长', ScrapedText.MaxTitleLength - 1) + "…"], result.Posts.Select(p => p.Title));
        Assert.Equal(1, result.TitlesCut);
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < 0x20 || (c >= 0x7F && c <= 0xA0) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? $"\\u{(int)c:X4}" : c.ToString()));
}
