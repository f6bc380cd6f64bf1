using System.Text.RegularExpressions;
using MediaMatrix.Monitoring.Extraction;

namespace MediaMatrix.Monitoring.Tests.Extraction;

/// <summary><see cref="PlainText.Collapse"/> without a regex must give what <c>\s+ → " "</c> then Trim() gave.</summary>
public class PlainTextTests
{
    private const string Alphabet = "ab县长 \t\n\r\u00A0\u3000\u2028\u2029\u0085\u200B\u1680\u000B\u000C\uFEFF.";

    [Theory]
    [InlineData("县长调研", "县长调研")]
    [InlineData("  县长\n\t调研 ", "县长 调研")]
    [InlineData("a\u3000\u00A0b", "a b")]
    [InlineData(" \n ", "")]
    public void Collapse_CollapsesRunsAndTrims(string text, string expected) =>
        Assert.Equal(expected, PlainText.Collapse(text));

    [Fact]
    public void Collapse_AgreesWithTheRegexItReplaces_OnRandomText()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

            Assert.Equal(Regex.Replace(text, @"\s+", " ").Trim(), PlainText.Collapse(text));
        }
    }

    [Fact]
    public void Collapse_ReturnsTheSameString_WhenNothingChanges()
    {
        const string title = "关于 2024 年 县政府 工作报告";

        Assert.Same(title, PlainText.Collapse(title));
    }
}
