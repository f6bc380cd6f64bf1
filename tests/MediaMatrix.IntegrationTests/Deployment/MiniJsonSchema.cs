using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MediaMatrix.IntegrationTests.Deployment;

/// <summary>
/// A validator for the part of JSON Schema draft-07 that values.schema.json uses: type, properties, required,
/// additionalProperties (boolean or schema), items, enum, const, minimum, maximum, minLength, pattern,
/// allOf and if/then/else. <see cref="UnsupportedKeywords"/> makes sure the schema uses nothing else, so a
/// keyword this validator would silently skip cannot creep in.
/// </summary>
internal static class MiniJsonSchema
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "title", "description", "default", "examples", "$comment",
    };

    private static readonly HashSet<string> Assertions = new(StringComparer.Ordinal)
    {
        "type", "properties", "required", "additionalProperties", "items", "enum", "const",
        "minimum", "maximum", "minLength", "pattern", "allOf", "if", "then", "else",
    };

    /// <summary>Every problem, as <c>path: message</c>; empty when the instance is valid.</summary>
    public static IReadOnlyList<string> Validate(JsonNode? schema, JsonNode? instance)
    {
        var errors = new List<string>();

        // Nodes built in code hold CLR values; parsed ones hold JSON elements, which convert between number types.
        Check(schema, instance is null ? null : JsonNode.Parse(instance.ToJsonString()), "$", errors);
        return errors;
    }

    /// <summary>Keywords in the schema (at any depth) that this validator does not implement.</summary>
    public static IReadOnlyList<string> UnsupportedKeywords(JsonNode? schema, string path = "$")
    {
        var found = new List<string>();
        if (schema is not JsonObject obj)
        {
            return found;
        }

        foreach (var (key, value) in obj)
        {
            if (!Annotations.Contains(key) && !Assertions.Contains(key))
            {
                found.Add($"{path}.{key}");
            }

            switch (key)
            {
                case "properties" when value is JsonObject props:
                    foreach (var (name, sub) in props)
                    {
                        found.AddRange(UnsupportedKeywords(sub, $"{path}.properties.{name}"));
                    }

                    break;
                case "allOf" when value is JsonArray all:
                    for (var i = 0; i < all.Count; i++)
                    {
                        found.AddRange(UnsupportedKeywords(all[i], $"{path}.allOf[{i}]"));
                    }

                    break;
                case "items" or "additionalProperties" or "if" or "then" or "else":
                    found.AddRange(UnsupportedKeywords(value, $"{path}.{key}"));
                    break;
            }
        }

        return found;
    }

    private static void Check(JsonNode? schema, JsonNode? instance, string path, List<string> errors)
    {
        switch (schema)
        {
            case null:
                return;
            case JsonValue b when b.GetValueKind() is JsonValueKind.True:
                return;
            case JsonValue b when b.GetValueKind() is JsonValueKind.False:
                errors.Add($"{path}: no value is allowed here");
                return;
            case not JsonObject:
                throw new InvalidOperationException($"{path}: a schema must be an object or a boolean");
        }

        var s = (JsonObject)schema;
        if (s["type"] is { } type && !TypeMatches(type, instance))
        {
            errors.Add($"{path}: expected {type.ToJsonString()}, found {KindOf(instance)}");
            return;
        }

        if (s["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, instance)))
        {
            errors.Add($"{path}: {Show(instance)} is not one of {options.ToJsonString()}");
        }

        if (s.TryGetPropertyValue("const", out var constant) && !JsonNode.DeepEquals(constant, instance))
        {
            errors.Add($"{path}: must be {Show(constant)}, found {Show(instance)}");
        }

        if (instance is JsonValue v && v.GetValueKind() is JsonValueKind.Number)
        {
            var number = v.GetValue<double>();
            if (s["minimum"] is { } min && number < min.GetValue<double>())
            {
                errors.Add($"{path}: {number} is less than the minimum {min}");
            }

            if (s["maximum"] is { } max && number > max.GetValue<double>())
            {
                errors.Add($"{path}: {number} is more than the maximum {max}");
            }
        }

        if (instance is JsonValue str && str.GetValueKind() is JsonValueKind.String)
        {
            var text = str.GetValue<string>();
            if (s["minLength"] is { } minLength && text.Length < minLength.GetValue<int>())
            {
                errors.Add($"{path}: shorter than {minLength} characters");
            }

            if (s["pattern"] is { } pattern && !Regex.IsMatch(text, pattern.GetValue<string>()))
            {
                errors.Add($"{path}: '{text}' does not match {pattern}");
            }
        }

        if (instance is JsonObject obj)
        {
            var properties = s["properties"] as JsonObject;
            foreach (var required in (s["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
            {
                if (!obj.ContainsKey(required))
                {
                    errors.Add($"{path}: required key '{required}' is missing");
                }
            }

            foreach (var (key, value) in obj)
            {
                if (properties is not null && properties.TryGetPropertyValue(key, out var sub))
                {
                    Check(sub, value, $"{path}.{key}", errors);
                }
                else if (s.TryGetPropertyValue("additionalProperties", out var additional))
                {
                    if (additional is JsonValue flag && flag.GetValueKind() is JsonValueKind.False)
                    {
                        errors.Add($"{path}: key '{key}' is not allowed (not in the schema)");
                    }
                    else
                    {
                        Check(additional, value, $"{path}.{key}", errors);
                    }
                }
            }
        }

        if (instance is JsonArray array && s["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(items, array[i], $"{path}[{i}]", errors);
            }
        }

        foreach (var part in s["allOf"] as JsonArray ?? [])
        {
            Check(part, instance, path, errors);
        }

        if (s["if"] is { } condition)
        {
            var branch = Validate(condition, instance).Count == 0 ? s["then"] : s["else"];
            Check(branch, instance, path, errors);
        }
    }

    private static bool TypeMatches(JsonNode type, JsonNode? instance) => type switch
    {
        JsonArray many => many.Any(t => TypeMatches(t!, instance)),
        _ => type.GetValue<string>() switch
        {
            "null" => instance is null,
            "object" => instance is JsonObject,
            "array" => instance is JsonArray,
            "string" => instance is JsonValue v && v.GetValueKind() is JsonValueKind.String,
            "boolean" => instance is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
            "number" => instance is JsonValue v && v.GetValueKind() is JsonValueKind.Number,
            "integer" => instance is JsonValue v && v.GetValueKind() is JsonValueKind.Number && Math.Floor(v.GetValue<double>()) == v.GetValue<double>(),
            var other => throw new InvalidOperationException($"unknown JSON Schema type '{other}'"),
        },
    };

    private static string KindOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "?",
    };

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
