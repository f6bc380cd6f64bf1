using System.Text.Json;
using MediaMatrix.IntegrationTests.Infrastructure;

namespace MediaMatrix.IntegrationTests.Rules;

/// <summary>
/// Issue 14's registry acceptance through the real binary: the committed sample registry (config/demo/registry.csv,
/// invented data) against the demo matrix served by the simulator over loopback. The dry run prints the changes and
/// flags the duplicate Douyin accounts of 区教育局, the closed 健康定海 that still posts and the unfiled account, and
/// writes nothing; the real import writes the registry file, appends one line to the matrix, validates, and a second
/// dry run finds nothing left to change. A registry missing a column fails with the file and the column, and leaves
/// every file as it was.
/// </summary>
public sealed class RegistryCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static string Sample => Path.Combine(AppContext.BaseDirectory, "config", "demo", "registry.csv");

    [Fact]
    public async Task DryRun_PrintsChangesAndFlags_ImportWritesAndValidates()
    {
        await using var demo = await DemoSimulator.StartAsync();
        var dir = Directory.CreateTempSubdirectory("mm-registry-").FullName;
        try
        {
            var config = Path.Combine(dir, "matrix.yaml");
            File.Copy(demo.ConfigPath, config);
            var before = await File.ReadAllTextAsync(config);

            var (exit, text, stderr) = await CliProcess.RunAsync(Timeout, "registry", "--config", config, "--file", Sample, "--dry-run");
            Assert.True(exit == 0, stderr);
            Assert.Contains("(dry run: nothing written)", text, StringComparison.Ordinal);
            Assert.Contains("21 rows: 20 matrix accounts filed, 1 filed but not monitored; 1 matrix accounts not filed", text, StringComparison.Ordinal);
            Assert.Contains("~ dh-wj (registry.csv:13): ref: — → gh_jkdh; number: — → 定网信备〔2022〕012号; status: — → closed", text, StringComparison.Ordinal);
            Assert.Contains("+ filed, not monitored (registry.csv:10): 区教育局 · douyin · 定海教育服务", text, StringComparison.Ordinal);
            Assert.Contains("? in the matrix, not in the registry: dh-tyjr", text, StringComparison.Ordinal);
            Assert.Contains("[duplicate-unit-platform] 一个单位同一平台多个账号：区教育局 在 douyin 上有 2 个正常账号（定海教育发布、定海教育服务）", text, StringComparison.Ordinal);
            Assert.Contains("[closed-but-posting] 已注销仍在更新：dh-wj（健康定海）备案为已注销", text, StringComparison.Ordinal);
            Assert.Contains("[unfiled] 未备案：dh-tyjr（定海退役军人，区退役军人事务局）", text, StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllTextAsync(config));
            Assert.False(File.Exists(Path.Combine(dir, "matrix.registry.yaml")));

            var dry = await RegistryJsonAsync(config, dryRun: true);
            Assert.Equal(20, dry.GetProperty("changed").GetArrayLength());
            Assert.Equal(["duplicate-unit-platform", "closed-but-posting", "unfiled", "unit-differs"], Kinds(dry));
            // 定海应急 is filed as closed on 30 September and has not posted since: not flagged.
            Assert.DoesNotContain(Flags(dry), f => f.GetProperty("accounts").EnumerateArray().Any(a => a.GetString() == "dh-yjgl"));

            var imported = await RegistryJsonAsync(config, dryRun: false);
            Assert.True(imported.GetProperty("written").GetBoolean());
            var after = await File.ReadAllTextAsync(config);
            Assert.StartsWith(before.TrimEnd(), after, StringComparison.Ordinal);
            var appended = after[before.TrimEnd().Length..].Trim();
            Assert.DoesNotContain('\n', appended);
            Assert.StartsWith("registry: \"matrix.registry.yaml\"", appended, StringComparison.Ordinal);
            var registry = await File.ReadAllTextAsync(Path.Combine(dir, "matrix.registry.yaml"));
            Assert.Contains("定网信备〔2022〕012号", registry, StringComparison.Ordinal);

            var (valid, validated, validErrors) = await CliProcess.RunAsync(Timeout, "validate", "--config", config);
            Assert.True(valid == 0, validErrors);
            Assert.Contains("OK", validated, StringComparison.Ordinal);

            // Imported once, nothing is left to change; the flags stay until the county acts on them.
            var again = await RegistryJsonAsync(config, dryRun: true);
            Assert.Equal(0, again.GetProperty("changed").GetArrayLength());
            Assert.Equal(0, again.GetProperty("added").GetArrayLength());
            Assert.Equal(0, again.GetProperty("removed").GetArrayLength());
            Assert.Equal(["duplicate-unit-platform", "closed-but-posting", "unfiled", "unit-differs"], Kinds(again));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task MissingColumn_FailsWithTheFileAndColumn_AndChangesNothing()
    {
        await using var demo = await DemoSimulator.StartAsync();
        var dir = Directory.CreateTempSubdirectory("mm-registry-bad-").FullName;
        try
        {
            var config = Path.Combine(dir, "matrix.yaml");
            File.Copy(demo.ConfigPath, config);
            var before = await File.ReadAllBytesAsync(config);
            var broken = Path.Combine(dir, "broken.csv");
            // The sample without its 平台 column.
            var lines = (await File.ReadAllLinesAsync(Sample)).Take(4).Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 2)));
            await File.WriteAllLinesAsync(broken, lines);

            var (exit, _, stderr) = await CliProcess.RunAsync(Timeout, "registry", "--config", config, "--file", broken);

            Assert.Equal(1, exit);
            Assert.Contains("broken.csv:1", stderr, StringComparison.Ordinal);
            Assert.Contains("平台", stderr, StringComparison.Ordinal);
            Assert.Contains("nothing changed", stderr, StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllBytesAsync(config));
            Assert.Equal(["broken.csv", "matrix.yaml"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<JsonElement> RegistryJsonAsync(string config, bool dryRun)
    {
        string[] args = dryRun
            ? ["registry", "--config", config, "--file", Sample, "--dry-run", "--format", "json"]
            : ["registry", "--config", config, "--file", Sample, "--format", "json"];
        var (exit, stdout, stderr) = await CliProcess.RunAsync(Timeout, args);
        Assert.True(exit == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static JsonElement.ArrayEnumerator Flags(JsonElement plan) => plan.GetProperty("flags").EnumerateArray();

    private static string[] Kinds(JsonElement plan) => [.. Flags(plan).Select(f => f.GetProperty("kind").GetString()!)];
}
