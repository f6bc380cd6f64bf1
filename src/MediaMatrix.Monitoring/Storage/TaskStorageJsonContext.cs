using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Source-generated JSON for what the store keeps about cluster tasks; the same options as
/// <see cref="StorageJsonContext"/> (camelCase, defaults left out, CJK written as itself). A context of its own so
/// task storage and post storage change independently.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(ManualCompletion))]
[JsonSerializable(typeof(StoredTask))]
internal sealed partial class TaskStorageJsonContext : JsonSerializerContext
{
    public static TaskStorageJsonContext Compact => LazyCompact.Value;

    private static readonly Lazy<TaskStorageJsonContext> LazyCompact = new(CreateCompact);

    private static TaskStorageJsonContext CreateCompact() =>
        new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
}
