using System.Globalization;
using System.Text.Json;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// A dotted path into JSON (<c>data.cards</c>, <c>modules.module_author.pub_ts</c>); a numeric
/// segment indexes an array (<c>pics.0.url</c>).
/// </summary>
internal static class JsonFieldPath
{
    public static JsonElement? Find(JsonElement root, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }
        var current = root;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }
        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    /// <summary>A scalar as text: strings as they are, numbers and booleans as written.</summary>
    public static string? ReadText(JsonElement root, string? path) => Find(root, path) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
        _ => null,
    };

    /// <summary>1, true or a non-empty string such as "置顶" mark a flag; 0, false, "" and "0" do not.</summary>
    public static bool IsTruthy(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Trim() is not ("0" or "false" or "False" or "null");
}
