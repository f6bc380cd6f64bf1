using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MediaMatrix.IntegrationTests.Deployment;

/// <summary>
/// The Grafana dashboard and the Prometheus rules the chart ships: they parse, have the shape their tools
/// expect, and every mediamatrix_* metric they query is one the app defines.
/// </summary>
public sealed partial class MonitoringFilesTests
{
    private static readonly Lazy<HashSet<string>> KnownMetrics = new(() =>
        Directory.GetFiles(Repo.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => MetricLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void Dashboard_ParsesAsAGrafanaDashboard_QueryingOnlyMetricsTheAppExports()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Chart, "dashboards", "mediamatrix.json")));
        var root = json.RootElement;
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("uid").GetString()));
        Assert.True(root.GetProperty("schemaVersion").GetInt32() > 0);

        var expressions = new List<string>();
        foreach (var panel in root.GetProperty("panels").EnumerateArray())
        {
            Assert.True(panel.TryGetProperty("gridPos", out _), "every panel has a gridPos");
            if (panel.TryGetProperty("targets", out var targets))
            {
                expressions.AddRange(targets.EnumerateArray().Select(t => t.GetProperty("expr").GetString()!));
            }
        }

        foreach (var variable in root.GetProperty("templating").GetProperty("list").EnumerateArray())
        {
            if (variable.TryGetProperty("definition", out var definition))
            {
                expressions.Add(definition.GetString()!);
            }
        }

        Assert.NotEmpty(expressions);
        AssertOnlyKnownMetrics(expressions, "dashboard");
        Assert.Contains(expressions, e => e.Contains("mediamatrix_pass_rate_ratio", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("mediamatrix_account_score", StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_HaveGroupsOfAlertsWithExprForAndSeverity_QueryingOnlyMetricsTheAppExports()
    {
        var root = (YamlMappingNode)Yaml.ParseStream(File.ReadAllText(Path.Combine(Repo.Chart, "rules", "mediamatrix.rules.yaml")))[0].RootNode;
        var groups = (YamlSequenceNode)root.Children[new YamlScalarNode("groups")];
        Assert.NotEmpty(groups.Children);

        var alerts = new HashSet<string>(StringComparer.Ordinal);
        var expressions = new List<string>();
        foreach (var group in groups.Children.Cast<YamlMappingNode>())
        {
            Assert.False(string.IsNullOrWhiteSpace(Text(group, "name")));
            var rules = (YamlSequenceNode)group.Children[new YamlScalarNode("rules")];
            Assert.NotEmpty(rules.Children);
            foreach (var rule in rules.Children.Cast<YamlMappingNode>())
            {
                var alert = Text(rule, "alert");
                Assert.True(alerts.Add(alert), $"alert {alert} defined twice");
                Assert.Matches("^[A-Z][A-Za-z0-9]+$", alert);
                expressions.Add(Text(rule, "expr"));
                Assert.Matches(@"^\d+[smhd]$", Text(rule, "for"));
                var labels = (YamlMappingNode)rule.Children[new YamlScalarNode("labels")];
                Assert.Contains(Text(labels, "severity"), new[] { "info", "warning", "critical" });
                var annotations = (YamlMappingNode)rule.Children[new YamlScalarNode("annotations")];
                Assert.False(string.IsNullOrWhiteSpace(Text(annotations, "summary")));
            }
        }

        AssertOnlyKnownMetrics(expressions, "rules");
        Assert.Contains("MediaMatrixAccountUnqualified", alerts);
    }

    private static void AssertOnlyKnownMetrics(IEnumerable<string> expressions, string where)
    {
        Assert.NotEmpty(KnownMetrics.Value);
        var unknown = expressions
            .SelectMany(e => MetricName().Matches(e).Select(m => m.Value))
            .Where(m => !KnownMetrics.Value.Contains(m) && !KnownMetrics.Value.Contains(HistogramSeriesBase().Replace(m, string.Empty)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(unknown.Count == 0, $"{where} queries metrics the app does not define: {string.Join(", ", unknown)}");
    }

    private static string Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar
            ? scalar.Value ?? string.Empty
            : throw new Xunit.Sdk.XunitException($"'{key}' missing at {node.Start}");

    /// <summary>A metric name as a C# string literal in src/ (e.g. <c>Metrics.CreateGauge("mediamatrix_accounts", …)</c>).</summary>
    [GeneratedRegex("\"(mediamatrix_[a-z0-9_]+)\"")]
    private static partial Regex MetricLiteral();

    /// <summary>A histogram is defined once and exported as its _bucket, _sum and _count series.</summary>
    [GeneratedRegex("_(bucket|sum|count)$")]
    private static partial Regex HistogramSeriesBase();

    [GeneratedRegex(@"\bmediamatrix_[a-z0-9_]+")]
    private static partial Regex MetricName();
}
