using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Source-generated JSON for snapshots and digest records (same conventions as <see cref="StorageJsonContext"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(VerdictJsonConverter)])]
[JsonSerializable(typeof(AccountSnapshot))]
[JsonSerializable(typeof(DigestDelivery))]
[JsonSerializable(typeof(DigestWeek))]
internal sealed partial class ObservabilityJsonContext : JsonSerializerContext
{
    public static ObservabilityJsonContext Compact => LazyCompact.Value;

    private static readonly Lazy<ObservabilityJsonContext> LazyCompact = new(CreateCompact);

    private static ObservabilityJsonContext CreateCompact() =>
        new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
}
