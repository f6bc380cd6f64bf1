using MediaMatrix.Monitoring.Content;

namespace MediaMatrix.Monitoring.Tests.Content;

public sealed class LexiconLoaderTests
{
    private const string Head = "lexicon: t\nversion: \"1\"\nentries:\n";

    public static TheoryData<string, string, string> Errors => new()
    {
        { "YAML syntax error", "lexicon: [t\n", "t.yaml:2:1: YAML syntax error: While parsing a flow sequence" },
        { "duplicate id with its line", Head + "  - {id: a, wrong: 甲, severity: minor, source: s}\n  - {id: a, wrong: 乙, severity: minor, source: s}\n", "t.yaml:5:10: entries[1].id: duplicate id 'a' (first at line 4)" },
        { "duplicate wrong form once normalised", Head + "  - {id: a, wrong: ＡＢ, severity: minor, source: s}\n  - {id: b, wrong: AB, severity: minor, source: s}\n", "t.yaml:5:20: entries[1].wrong: duplicate wrong form 'AB' (first at line 4)" },
        { "empty pattern", Head + "  - {id: a, wrong: \"\\u200B\", severity: minor, source: s}\n", "t.yaml:4:20: entries[0].wrong: the wrong form is empty" },
        { "missing pattern", Head + "  - {id: a, severity: minor, source: s}\n", "t.yaml:4:5: entries[0].wrong: required key is missing" },
        { "unknown severity", Head + "  - {id: a, wrong: 甲, severity: grave, source: s}\n", "t.yaml:4:33: entries[0].severity: unknown severity 'grave'" },
        { "missing source", Head + "  - {id: a, wrong: 甲, severity: minor}\n", "t.yaml:4:5: entries[0].source: required key is missing" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Parse_ReportsEachProblemWithItsPlace(string because, string yaml, string expected)
    {
        var result = LexiconLoader.Parse(yaml, "t.yaml");

        Assert.False(result.IsValid, because);
        Assert.True(result.Errors.Any(e => e.ToString().StartsWith(expected, StringComparison.Ordinal)), $"{because}: {string.Join(" | ", result.Errors)}");
    }

    [Fact]
    public void Parse_ValidFile_GivesTheEntries()
    {
        var result = LexiconLoader.Parse(Head + "  - {id: a, wrong: 甲, right: 乙, severity: serious, source: s, traditional: true}\n", "t.yaml");

        Assert.True(result.IsValid);
        Assert.Equal(new LexiconEntry("a", "甲", "乙", ContentSeverity.Serious, "s", true), Assert.Single(result.Lexicon.Entries));
    }
}
