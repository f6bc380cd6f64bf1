using System.Text.Json.Nodes;

namespace MediaMatrix.IntegrationTests.Deployment;

/// <summary>values.schema.json (draft-07): values.yaml validates, every key is declared, and the rules it encodes hold.</summary>
public sealed class ValuesSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Chart, "values.schema.json")))!;

    private static JsonObject Values() => (JsonObject)Yaml.ParseToJson(File.ReadAllText(Path.Combine(Repo.Chart, "values.yaml")))!;

    [Fact]
    public void Schema_IsDraft07_AndUsesOnlyKeywordsTheValidatorChecks()
    {
        Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)Schema["$schema"]);
        Assert.Empty(MiniJsonSchema.UnsupportedKeywords(Schema));
    }

    [Fact]
    public void ValuesYaml_ValidatesAgainstTheSchema()
    {
        var errors = MiniJsonSchema.Validate(Schema, Values());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    public static TheoryData<string> CiValuesFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Chart, "ci"), "*-values.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>The example installs in ci/ (chart-testing's convention), laid over values.yaml as helm does, validate too.</summary>
    [Theory]
    [MemberData(nameof(CiValuesFiles))]
    public void CiValues_OverValuesYaml_ValidateAgainstTheSchema(string name)
    {
        var overlay = Yaml.ParseToJson(File.ReadAllText(Path.Combine(Repo.Chart, "ci", name)));
        var merged = Merge(Values(), overlay);

        var errors = MiniJsonSchema.Validate(Schema, merged);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void EveryKeyInValuesYaml_IsDeclaredInTheSchema()
    {
        var undeclared = new List<string>();
        Walk(Schema, Values(), "values", undeclared);
        Assert.True(undeclared.Count == 0, "keys without a schema: " + string.Join(", ", undeclared));
    }

    [Theory]
    [InlineData("memory", false)]
    [InlineData("redis", false)]
    [InlineData("memory", true)]
    public void SeveralReplicas_WithoutRedisAndTheClusteredScheduler_AreRejected(string store, bool clustered)
    {
        var values = Values();
        values["replicaCount"] = 3;
        values["store"]!["kind"] = store;
        values["scheduler"]!["clustered"] = clustered;

        Assert.NotEmpty(MiniJsonSchema.Validate(Schema, values));
    }

    [Fact]
    public void ThreeReplicas_WithRedisAndTheClusteredScheduler_AreAccepted()
    {
        var values = Values();
        values["replicaCount"] = 3;
        values["store"]!["kind"] = "redis";
        values["scheduler"]!["clustered"] = true;
        values["postgresql"]!["enabled"] = true;

        var errors = MiniJsonSchema.Validate(Schema, values);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Mistakes_AreRejected_WithThePathNamed()
    {
        var values = Values();
        values["store"]!["kind"] = "mongodb";
        values["service"]!["port"] = "eighty";
        values["ingress"]!["enabeld"] = true;
        values["image"]!.AsObject().Remove("repository");
        values["store"]!["keyPrefix"] = "{mm}";

        var errors = MiniJsonSchema.Validate(Schema, values);

        Assert.Contains(errors, e => e.StartsWith("$.store.kind:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.service.port:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.ingress:", StringComparison.Ordinal) && e.Contains("enabeld", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.image:", StringComparison.Ordinal) && e.Contains("repository", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.store.keyPrefix:", StringComparison.Ordinal));
    }

    /// <summary>Helm's coalescing: maps merge key by key, anything else in the overlay replaces the default.</summary>
    private static JsonNode? Merge(JsonNode? defaults, JsonNode? overlay)
    {
        if (defaults is not JsonObject baseObject || overlay is not JsonObject overlayObject)
        {
            return overlay?.DeepClone();
        }

        var result = (JsonObject)baseObject.DeepClone();
        foreach (var (key, value) in overlayObject)
        {
            result[key] = Merge(result[key], value);
        }

        return result;
    }

    /// <summary>Each key must be named in its object's properties, or fall under an additionalProperties schema (a free map).</summary>
    private static void Walk(JsonNode? schema, JsonNode? value, string path, List<string> undeclared)
    {
        if (value is JsonArray array && schema?["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Walk(items, array[i], $"{path}[{i}]", undeclared);
            }

            return;
        }

        if (value is not JsonObject obj || schema is not JsonObject s)
        {
            return;
        }

        var properties = s["properties"] as JsonObject;
        var additional = s["additionalProperties"];
        foreach (var (key, child) in obj)
        {
            if (properties is not null && properties.TryGetPropertyValue(key, out var sub))
            {
                Walk(sub, child, $"{path}.{key}", undeclared);
            }
            else if (additional is JsonObject)
            {
                Walk(additional, child, $"{path}.{key}", undeclared);
            }
            else if (properties is not null)
            {
                undeclared.Add($"{path}.{key}");
            }
        }
    }
}
