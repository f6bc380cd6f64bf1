using MediaMatrix.Monitoring.Content;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Tests.Matrix;

namespace MediaMatrix.Monitoring.Tests.Content;

/// <summary>The matrix config's <c>content:</c> section (issue 13): lexicon files and folders, lists, and their mistakes located.</summary>
public sealed class ContentConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mm-content-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private MatrixLoadResult Load(string content)
    {
        var path = Path.Combine(_dir, "matrix.yaml");
        File.WriteAllText(path, MatrixYaml.Valid + "\n" + content);
        return MatrixConfigLoader.Load(path);
    }

    private void Lexicon(string relative, string yaml)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
    }

    [Fact]
    public void NoSection_ChecksWithTheShippedStarterLexicon()
    {
        var config = MatrixConfigLoader.LoadFromText(MatrixYaml.Valid, MatrixYaml.FileName).Config!;

        Assert.True(config.Content.Enabled);
        Assert.Equal([ContentSettings.Starter], config.Content.Lexicons);
        Assert.Contains(config.Content.Lexicons[0].Entries, e => e.Wrong == "再接再励");
    }

    [Fact]
    public void CountyLexiconFolder_AndLists_AreRead_RelativeToTheMatrixFile()
    {
        Lexicon("lexicons/county.yaml", """
            lexicon: dinghai
            version: "1"
            entries:
              - { id: town-name, wrong: "定海县", right: "定海区", severity: serious, source: "1987年撤县设区（区政府网 区情概况）" }
            """);

        var result = Load("""
            content:
              lexicons: [lexicons]
              allowedNumbers: ["0580-12345"]
              deniedHosts: [bet-example.com]
              checks: [lexicon, privacy]
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var content = result.Config!.Content;
        Assert.Equal(["county-starter", "dinghai"], content.Lexicons.Select(l => l.Name));
        Assert.Equal(["0580-12345"], content.Rules.AllowedNumbers);
        Assert.Equal(["bet-example.com"], content.Rules.DeniedHosts);
        Assert.False(content.Rules.CheckLinks);
        var hit = Assert.Single(content.CreateChecker()!.Check("定海县召开会议", new DateOnly(2026, 12, 1)));
        Assert.Equal("lexicon:town-name", hit.Rule);
    }

    [Fact]
    public void ALexiconsMistakes_AreReportedAtItsOwnFileLineAndColumn()
    {
        Lexicon("bad.yaml", """
            lexicon: bad
            version: "1"
            entries:
              - { id: a, wrong: "", right: "x", severity: minor, source: "s" }
            """);

        var result = Load("content: { lexicons: [bad.yaml] }\n");

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(Path.Combine(_dir, "bad.yaml"), error.File);
        Assert.Equal(4, error.Line);
        Assert.True(error.Column > 0);
    }

    [Fact]
    public void MissingLexiconPath_UnknownCheck_AndBadRadius_AreErrorsOfTheMatrixFile()
    {
        var result = Load("content: { starter: false, lexicons: [nowhere], checks: [spelling], excerptRadius: -1 }\n");

        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.EndsWith("matrix.yaml", e.File, StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Field == "content.lexicons" && e.Message.Contains("'nowhere'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Field == "content.checks" && e.Message.Contains("'spelling'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Field == "content.excerptRadius");
    }

    [Fact]
    public void EnabledFalse_MakesNoChecker()
    {
        var result = Load("content: { enabled: false }\n");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Null(result.Config!.Content.CreateChecker());
    }
}
