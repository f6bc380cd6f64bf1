using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Source-generated JSON for findings and their trail; the options of <see cref="AlertStorageJsonContext"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KebabJsonConverter<FindingKind>), typeof(KebabJsonConverter<FindingAction>),
        typeof(KebabJsonConverter<Content.ContentSeverity>), typeof(KebabJsonConverter<Content.FindingStatus>)])]
[JsonSerializable(typeof(ManualFinding))]
[JsonSerializable(typeof(FindingAuditEntry))]
[JsonSerializable(typeof(Content.ContentFinding))]
internal sealed partial class FindingStorageJsonContext : JsonSerializerContext
{
    public static FindingStorageJsonContext Compact => LazyCompact.Value;

    private static readonly Lazy<FindingStorageJsonContext> LazyCompact = new(CreateCompact);

    private static FindingStorageJsonContext CreateCompact() =>
        new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
}
