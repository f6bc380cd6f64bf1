using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Decisions;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Source-generated JSON for alerts, their trails and decisions; the same options as
/// <see cref="StorageJsonContext"/> (camelCase, CJK written as itself), enums as kebab-case words. Nulls are left out but
/// enums are always written: the first kind and status are the common ones, and a reader of Redis should see them.
/// The same record always writes the same bytes, which is what lets the scripts compare instead of re-writing.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KebabJsonConverter<AlertKind>), typeof(KebabJsonConverter<AlertSeverity>), typeof(KebabJsonConverter<AlertStatus>),
        typeof(KebabJsonConverter<AlertAction>), typeof(KebabJsonConverter<DispositionKind>), typeof(KebabJsonConverter<DecisionAction>)])]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(AlertAuditEntry))]
[JsonSerializable(typeof(Decision))]
internal sealed partial class AlertStorageJsonContext : JsonSerializerContext
{
    public static AlertStorageJsonContext Compact => LazyCompact.Value;

    private static readonly Lazy<AlertStorageJsonContext> LazyCompact = new(CreateCompact);

    private static AlertStorageJsonContext CreateCompact() =>
        new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
}

/// <summary>An enum as kebab-case words (<c>became-unqualified</c>).</summary>
internal sealed class KebabJsonConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower)
    where TEnum : struct, Enum;
