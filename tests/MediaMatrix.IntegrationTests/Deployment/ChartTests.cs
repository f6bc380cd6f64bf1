using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MediaMatrix.IntegrationTests.Deployment;

/// <summary>
/// The Helm chart, checked without helm: every template is well-formed YAML once its actions are taken out,
/// its blocks are balanced, every value it reads exists in values.yaml (and every value is read), and the
/// settings the app and reliability R1 need are wired.
/// </summary>
public sealed class ChartTests
{
    private static readonly string Templates = Path.Combine(Repo.Chart, "templates");

    private static readonly JsonObject Values = (JsonObject)Yaml.ParseToJson(File.ReadAllText(Path.Combine(Repo.Chart, "values.yaml")))!;

    public static TheoryData<string> YamlTemplates()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Chart, "templates"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(YamlTemplates))]
    public void Template_WithoutItsActions_IsWellFormedKubernetesYaml(string name)
    {
        var stripped = HelmTemplate.Strip(File.ReadAllText(Path.Combine(Templates, name)));

        IReadOnlyList<YamlDocument> documents;
        try
        {
            documents = Yaml.ParseStream(stripped);
        }
        catch (YamlException ex)
        {
            throw new Xunit.Sdk.XunitException($"{name}: not well-formed YAML after stripping template actions: {ex.Message}\n{stripped}");
        }

        Assert.NotEmpty(documents);
        foreach (var document in documents)
        {
            var root = Assert.IsType<YamlMappingNode>(document.RootNode);
            var keys = root.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
            Assert.True(keys.IsSupersetOf(["apiVersion", "kind", "metadata"]), $"{name}: a document without apiVersion, kind and metadata");
            var metadata = Assert.IsType<YamlMappingNode>(root.Children[new YamlScalarNode("metadata")]);
            Assert.True(metadata.Children.ContainsKey(new YamlScalarNode("name")), $"{name}: metadata.name missing");
            Assert.True(metadata.Children.ContainsKey(new YamlScalarNode("labels")), $"{name}: metadata.labels missing (the common labels)");
        }
    }

    [Fact]
    public void Templates_HaveBalancedBlocks()
    {
        foreach (var file in Directory.GetFiles(Templates))
        {
            Assert.True(HelmTemplate.BlockBalance(File.ReadAllText(file)) == 0, $"{Path.GetFileName(file)}: if/range/with/define without a matching end (or the reverse)");
        }
    }

    [Fact]
    public void Strip_DropsActionOnlyLines_AndReplacesInlineActions()
    {
        const string template = """
            {{- if .Values.a }}
            metadata:
              name: {{ include "x.fullname" . }}-env
              labels:
                {{- include "x.labels" . | nindent 4 }}
            {{/* a comment
                 over two lines */}}
            {{- end }}
            """;

        Assert.Equal("metadata:\n  name: x-env\n  labels:\n", HelmTemplate.Strip(template));
        Assert.Equal(["a"], HelmTemplate.ValuesPaths(template));
    }

    [Fact]
    public void EveryValueReadByATemplate_ExistsInValuesYaml()
    {
        var missing = AllTemplateText()
            .SelectMany(t => HelmTemplate.ValuesPaths(t.Text).Select(p => (t.Name, Path: p)))
            .Where(r => !Exists(Values, r.Path))
            .Select(r => $"{r.Name}: .Values.{r.Path}")
            .ToList();

        Assert.True(missing.Count == 0, "not in values.yaml: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryValueInValuesYaml_IsReadByATemplate_OrPassedToASubchart()
    {
        var read = AllTemplateText().SelectMany(t => HelmTemplate.ValuesPaths(t.Text)).ToHashSet(StringComparer.Ordinal);
        var unused = Leaves(Values, string.Empty)
            .Where(p => !p.StartsWith("redis.", StringComparison.Ordinal) && !p.StartsWith("postgresql.", StringComparison.Ordinal))
            .Where(p => !read.Any(r => p == r || p.StartsWith(r + ".", StringComparison.Ordinal)))
            .ToList();

        Assert.True(unused.Count == 0, "values nobody reads: " + string.Join(", ", unused));
    }

    [Fact]
    public void Deployment_WiresTheAppSettings_ProbesAndAWritableTmp()
    {
        var deployment = File.ReadAllText(Path.Combine(Templates, "deployment.yaml"));
        foreach (var env in new[]
                 {
                     "Urls", "Matrix__Config", "Store__Kind", "Store__KeyPrefix", "Redis__Configuration", "Scheduler__Clustered",
                     "Scheduler__PostgreSql", "Smtp__Host", "Smtp__Port", "Smtp__From", "Smtp__User", "Smtp__Password", "Auth__AdminPassword",
                 })
        {
            Assert.Contains($"- name: {env}\n", deployment, StringComparison.Ordinal);
        }

        Assert.Contains("mountPath: /tmp", deployment, StringComparison.Ordinal);
        Assert.Contains("emptyDir:", deployment, StringComparison.Ordinal);
        Assert.Contains("mountPath: /config", deployment, StringComparison.Ordinal);
        Assert.Contains("include \"mediamatrix.validate\"", deployment, StringComparison.Ordinal);
        Assert.Equal("/healthz", (string?)Values["probes"]!["liveness"]!["path"]);
        Assert.Equal("/readyz", (string?)Values["probes"]!["readiness"]!["path"]);
        Assert.Equal("/config/matrix.yaml", "/config/" + (string?)Values["matrix"]!["key"]);
    }

    [Fact]
    public void Values_DefaultToAHardenedPod()
    {
        var pod = Values["podSecurityContext"]!;
        var container = Values["securityContext"]!;
        Assert.True((bool)pod["runAsNonRoot"]!);
        Assert.Equal(1654, (int)pod["runAsUser"]!);
        Assert.Equal("RuntimeDefault", (string?)pod["seccompProfile"]!["type"]);
        Assert.True((bool)container["readOnlyRootFilesystem"]!);
        Assert.False((bool)container["allowPrivilegeEscalation"]!);
        Assert.Equal(["ALL"], container["capabilities"]!["drop"]!.AsArray().Select(c => (string?)c));
        Assert.False((bool)Values["metrics"]!["serviceMonitor"]!["enabled"]!);
        Assert.False((bool)Values["metrics"]!["prometheusRule"]!["enabled"]!);
        Assert.Equal("1", (string?)Values["metrics"]!["dashboard"]!["labels"]!["grafana_dashboard"]);
    }

    [Fact]
    public void DefaultMatrixConfig_InValuesYaml_PassesTheAppsValidation()
    {
        var config = (string)Values["matrix"]!["config"]!;

        var result = MediaMatrix.Monitoring.Matrix.MatrixConfigLoader.LoadFromText(config, "values.yaml:matrix.config");

        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors));
    }

    [Fact]
    public void RedisSubchart_RunsWithAofAndNoEviction()
    {
        // Reliability R1: MediaMatrix reports degraded unless AOF is on and eviction is noeviction.
        var config = (string)Values["redis"]!["commonConfiguration"]!;
        var lines = config.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("appendonly yes", lines);
        Assert.Contains("maxmemory-policy noeviction", lines);
    }

    [Fact]
    public void ChartYaml_DeclaresTheOptionalBitnamiSubcharts_WithConditionsThatExistInValues()
    {
        var chart = (JsonObject)Yaml.ParseToJson(File.ReadAllText(Path.Combine(Repo.Chart, "Chart.yaml")))!;
        Assert.Equal("v2", (string?)chart["apiVersion"]);
        Assert.Equal("mediamatrix", (string?)chart["name"]);
        var dependencies = chart["dependencies"]!.AsArray().ToDictionary(d => (string)d!["name"]!, d => d!, StringComparer.Ordinal);
        foreach (var name in new[] { "redis", "postgresql" })
        {
            var condition = (string)dependencies[name]["condition"]!;
            Assert.Equal($"{name}.enabled", condition);
            Assert.False((bool)Values[name]!["enabled"]!, $"{name} subchart is optional and off by default");
            Assert.Contains("bitnami", (string)dependencies[name]["repository"]!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MonitoringTemplates_CarryTheFilesThatExist()
    {
        var rule = File.ReadAllText(Path.Combine(Templates, "prometheusrule.yaml"));
        var dashboard = File.ReadAllText(Path.Combine(Templates, "dashboard-configmap.yaml"));
        Assert.Contains(".Files.Get \"rules/mediamatrix.rules.yaml\"", rule, StringComparison.Ordinal);
        Assert.Contains(".Files.Get \"dashboards/mediamatrix.json\"", dashboard, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Repo.Chart, "rules", "mediamatrix.rules.yaml")));
        Assert.True(File.Exists(Path.Combine(Repo.Chart, "dashboards", "mediamatrix.json")));
        Assert.True(File.Exists(Path.Combine(Templates, "NOTES.txt")));
        Assert.Contains("replicaCount > 1", File.ReadAllText(Path.Combine(Templates, "NOTES.txt")), StringComparison.Ordinal);
    }

    private static IEnumerable<(string Name, string Text)> AllTemplateText() =>
        Directory.GetFiles(Templates).Select(f => (Path.GetFileName(f), File.ReadAllText(f)));

    private static bool Exists(JsonNode? node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(key, out node))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Paths of the leaves: scalars, lists, and empty maps (maps the operator fills in).</summary>
    private static IEnumerable<string> Leaves(JsonNode? node, string prefix)
    {
        if (node is JsonObject obj && obj.Count > 0)
        {
            return obj.SelectMany(kv => Leaves(kv.Value, prefix.Length == 0 ? kv.Key : $"{prefix}.{kv.Key}"));
        }

        return [prefix];
    }
}
