using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Cleanup;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Cases and their trail entries as stored: the same record always writes the same bytes, which is what the
/// stores compare a change against.</summary>
internal static class CaseJson
{
    public static string Write(CleanupCase c) => JsonSerializer.Serialize(c, CaseStorageJsonContext.Compact.CleanupCase);

    public static string Write(CaseAuditEntry e) => JsonSerializer.Serialize(e, CaseStorageJsonContext.Compact.CaseAuditEntry);

    public static CleanupCase Read(string json) => JsonSerializer.Deserialize(json, CaseStorageJsonContext.Compact.CleanupCase)!;

    public static CaseAuditEntry ReadEntry(string json) => JsonSerializer.Deserialize(json, CaseStorageJsonContext.Compact.CaseAuditEntry)!;

    // Ties (one account, one millisecond) cannot happen: the id carries both.
    public static IReadOnlyList<CleanupCase> NewestFirst(IEnumerable<CleanupCase> cases) =>
        [.. cases.OrderByDescending(c => c.OpenedAt).ThenBy(c => c.Id, StringComparer.Ordinal)];
}

/// <summary>Source-generated JSON for cases; the options of <see cref="AlertStorageJsonContext"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KebabJsonConverter<DispositionKind>), typeof(KebabJsonConverter<CaseStepKind>), typeof(KebabJsonConverter<CaseAction>)])]
[JsonSerializable(typeof(CleanupCase))]
[JsonSerializable(typeof(CaseAuditEntry))]
internal sealed partial class CaseStorageJsonContext : JsonSerializerContext
{
    public static CaseStorageJsonContext Compact => LazyCompact.Value;

    private static readonly Lazy<CaseStorageJsonContext> LazyCompact = new(CreateCompact);

    private static CaseStorageJsonContext CreateCompact() =>
        new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
}
