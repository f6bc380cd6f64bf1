using System.Text.RegularExpressions;
using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.Simulator.Tests;

public sealed class DemoConfigTests
{
    private static readonly Uri DemoBaseUrl = new("http://127.0.0.1:5380/");

    [Fact]
    public void CommittedDemoConfig_IsTheRenderOfTheDemoCast()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "config", "demo", "matrix.yaml"));

        Assert.Equal(DemoMatrixYaml.Render(DemoBaseUrl), committed.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Render_PointsEachAccountAtItsSource()
    {
        var yaml = DemoMatrixYaml.Render(DemoBaseUrl);

        Assert.Contains("source: { kind: feed, url: \"http://127.0.0.1:5380/feeds/dinghaishan/rss.xml\" }", yaml);
        Assert.Contains("source: { kind: html, url: \"http://127.0.0.1:5380/sites/dh-edu/list.html\", profile: gov-list }", yaml);
        Assert.Equal(DemoCast.Accounts.Count, Regex.Count(yaml, "^  - id: ", RegexOptions.Multiline));
    }

    [Fact]
    public void DemoCast_HasOneHeadAndEveryVerdictCase()
    {
        var accounts = DemoCast.Accounts;

        Assert.Equal("dinghaishan", Assert.Single(accounts, a => a.IsHead).Id);
        Assert.Equal(accounts.Count, accounts.Select(a => a.Id).Distinct().Count());
        Assert.All(accounts, a => Assert.Matches("^[a-z0-9-]+$", a.Id));
        Assert.InRange(accounts.Count, 18, 30);
        foreach (var behaviour in new[] { AccountBehaviour.Quiet, AccountBehaviour.Dormant, AccountBehaviour.Zombie, AccountBehaviour.Down })
        {
            Assert.Single(accounts, a => a.Behaviour == behaviour);
        }

        Assert.True(accounts.Count(a => a.Behaviour == AccountBehaviour.Slowing) >= 2);
    }
}
