using System.Text.Json;
using System.Text.RegularExpressions;
using MediaMatrix.IntegrationTests.Infrastructure;

namespace MediaMatrix.IntegrationTests.Spine;

/// <summary>
/// `check` against the simulator reproduces the demo's expected verdicts, grades and dispositions
/// as documented in config/demo/README.md ("Expected assessment").
/// </summary>
public sealed partial class DemoAssessmentTests
{
    [Fact]
    public async Task Check_Demo_MatchesTheDocumentedAssessment()
    {
        var expected = DocumentedRows();
        Assert.Equal(21, expected.Count);
        await using var simulator = await DemoSimulator.StartAsync();

        var (exit, stdout, stderr) = await CliProcess.RunAsync(TimeSpan.FromMinutes(2), "check", "--config", simulator.ConfigPath);

        Assert.True(exit == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        foreach (var account in report.RootElement.GetProperty("accounts").EnumerateArray())
        {
            var id = account.GetProperty("id").GetString()!;
            var row = expected[id];
            var grade = account.GetProperty("grade").ValueKind == JsonValueKind.Null ? "—" : account.GetProperty("grade").GetString();
            var disposition = account.TryGetProperty("disposition", out var d) && d.ValueKind == JsonValueKind.Object
                ? d.GetProperty("kind").GetString() : "—";
            var flags = new List<string>();
            foreach (var flag in new[] { "weak", "zombie", "dormant" })
            {
                if (account.GetProperty(flag).GetBoolean())
                {
                    flags.Add(flag);
                }
            }

            if (account.GetProperty("warnings").GetArrayLength() > 0)
            {
                flags.Add("early-warning");
            }

            var actual = (account.GetProperty("verdict").GetString(), grade, disposition, flags.Count == 0 ? "—" : string.Join(", ", flags));
            Assert.True(row == actual, $"{id}: README says {row}, check says {actual}");
        }
    }

    private static Dictionary<string, (string, string?, string?, string)> DocumentedRows()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "config", "demo", "README.md"));
        var section = readme[readme.IndexOf("## Expected assessment", StringComparison.Ordinal)..];
        return Row().Matches(section).ToDictionary(
            m => m.Groups["id"].Value,
            m => (m.Groups["verdict"].Value, (string?)m.Groups["grade"].Value, (string?)m.Groups["disposition"].Value, m.Groups["flags"].Value));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MediaMatrix.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MediaMatrix.sln not found above the test binaries");
    }

    [GeneratedRegex(@"^\| (?<id>[a-z0-9-]+) \| (?<verdict>qualified|unqualified|unknown) \| (?<grade>[A-D—]) \| (?<disposition>[a-z—]+) \| (?<flags>[^|]+?) \|$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
