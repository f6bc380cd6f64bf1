using System.Text.Json;
using System.Text.Json.Serialization;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Source-generated JSON for what the store writes (style habit 11): no reflection, trimming-safe.
/// Defaults are left out, so a healthy account's state is a few bytes and the same state always writes the same bytes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters = [typeof(FetchErrorClassJsonConverter)])]
[JsonSerializable(typeof(StoredPost))]
[JsonSerializable(typeof(PollState))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;

/// <summary>Writes <see cref="FetchErrorClass"/> as the kebab-case words operators see (<c>blocked-private</c>).</summary>
internal sealed class FetchErrorClassJsonConverter() : JsonStringEnumConverter<FetchErrorClass>(JsonNamingPolicy.KebabCaseLower);
