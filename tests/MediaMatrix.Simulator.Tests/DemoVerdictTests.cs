using System.Net;
using System.Text.RegularExpressions;
using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.Simulator.Tests;

/// <summary>
/// The verdict table in config/demo/README.md holds for the demo cast whenever the demo starts:
/// qualified = a post in the 14 days before now, unqualified = none, unknown = the source fails.
/// </summary>
public sealed partial class DemoVerdictTests
{
    [Theory]
    [InlineData("2026-11-20T02:30:00Z")]
    [InlineData("2026-11-27T15:59:59Z")]
    [InlineData("2027-01-01T00:00:00Z")]
    [InlineData("2026-06-15T09:05:00Z")]
    public async Task ReadmeVerdicts_MatchWhatTheSimulatorServes(string startText)
    {
        var start = DateTimeOffset.Parse(startText, System.Globalization.CultureInfo.InvariantCulture);
        await using var simulator = await RunningSimulator.StartAsync(DemoCast.Accounts, start: start);
        var table = ReadmeVerdicts();
        Assert.Equal(DemoCast.Accounts.Select(a => a.Id), table.Keys);

        foreach (var account in DemoCast.Accounts)
        {
            using var response = await simulator.Http.GetAsync(account.SourcePath);
            var served = response.StatusCode != HttpStatusCode.OK
                ? "unknown"
                : NewestPostReader.Read(account.SourcePath, await response.Content.ReadAsByteArrayAsync()) is { } newest
                    && start - newest <= TimeSpan.FromDays(14)
                    ? "qualified"
                    : "unqualified";
            Assert.True(table[account.Id] == served, $"{account.Id}: README says {table[account.Id]}, the simulator serves {served}");
        }
    }

    private static Dictionary<string, string> ReadmeVerdicts()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "config", "demo", "README.md"));
        return ReadmeRow().Matches(readme).ToDictionary(m => m.Groups["id"].Value, m => m.Groups["verdict"].Value);
    }

    [GeneratedRegex(@"^\| (?<id>[a-z0-9-]+) \|.*\| (?<verdict>qualified|unqualified|unknown)[^|]*\|$", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();
}
