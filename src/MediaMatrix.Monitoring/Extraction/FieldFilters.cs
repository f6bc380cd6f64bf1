using System.Text.RegularExpressions;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// A profile's <c>replace</c> filters: <c>"field: regex => replacement"</c>, applied in order to the
/// field's raw text before it is used (<c>"title: ^【置顶】 => "</c>, <c>"published: (\d+)年 => $1-"</c>).
/// A small fixed vocabulary instead of a template language: a regex per field is what list pages need.
/// Each match is bounded in time, so a catastrophic pattern cannot stall a poll.
/// </summary>
internal sealed class FieldFilters
{
    public static readonly FieldFilters None = new([]);

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private static readonly string[] Fields = ["title", "link", "published", "id", "pinned", "reads", "likes", "comments", "followers", "text"];

    private readonly IReadOnlyList<(string Field, Regex Pattern, string Replacement)> _filters;

    private FieldFilters(IReadOnlyList<(string, Regex, string)> filters) => _filters = filters;

    public static FieldFilters Of(Profile profile)
    {
        if (profile.Replace is not { Count: > 0 } entries)
        {
            return None;
        }

        var filters = new List<(string, Regex, string)>(entries.Count);
        foreach (var entry in entries)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var arrow = entry.LastIndexOf("=>", StringComparison.Ordinal);
            var field = colon > 0 ? entry[..colon].Trim() : string.Empty;
            if (colon <= 0 || arrow < colon || !Fields.Contains(field))
            {
                throw new ExtractionException(FetchErrorClass.Other,
                    $"profile '{profile.Name}': replace entry '{entry}' is not \"field: regex => replacement\" (fields: {string.Join(", ", Fields)})");
            }

            var pattern = entry[(colon + 1)..arrow].Trim();
            var replacement = entry[(arrow + 2)..].Trim();
            try
            {
                filters.Add((field, new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout), replacement));
            }
            catch (ArgumentException ex)
            {
                throw new ExtractionException(FetchErrorClass.Other, $"profile '{profile.Name}': replace pattern '{pattern}' is not a valid regex: {ex.Message}", ex);
            }
        }

        return new FieldFilters(filters);
    }

    public string? Apply(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        foreach (var (name, pattern, replacement) in _filters)
        {
            if (name == field)
            {
                value = pattern.Replace(value, replacement);
            }
        }

        value = value.Trim();
        return value.Length == 0 ? null : value;
    }
}
