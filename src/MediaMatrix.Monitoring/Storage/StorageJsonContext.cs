using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Source-generated JSON for what the store writes (style habit 11): no reflection, trimming-safe.
/// Defaults are left out, so a healthy account's state is a few bytes and the same state always writes the same bytes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters = [typeof(FetchErrorClassJsonConverter), typeof(VerdictJsonConverter)])]
[JsonSerializable(typeof(StoredPost))]
[JsonSerializable(typeof(PollState))]
[JsonSerializable(typeof(StoredEvaluation))]
internal sealed partial class StorageJsonContext : JsonSerializerContext
{
    /// <summary>The context the store uses. The default encoder writes every Chinese character as a six-byte \uXXXX
    /// escape, doubling the size of a title in Redis (performance R3). This JSON never reaches a page or a mail
    /// unescaped (those encode on output), so CJK text is written as itself; quotes and control characters are still escaped.
    /// Built on first use: static initialisers in partial files run in no defined order, and this one reads <see cref="Default"/>.</summary>
    public static StorageJsonContext Compact => LazyCompact.Value;

    private static readonly Lazy<StorageJsonContext> LazyCompact = new(CreateCompact);

    private static StorageJsonContext CreateCompact() =>
        new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
}

/// <summary>Writes <see cref="FetchErrorClass"/> as the kebab-case words operators see (<c>blocked-private</c>).</summary>
internal sealed class FetchErrorClassJsonConverter() : JsonStringEnumConverter<FetchErrorClass>(JsonNamingPolicy.KebabCaseLower);

/// <summary>Writes <see cref="Verdict"/> as the lower-case word <c>check</c> prints (<c>unqualified</c>).</summary>
internal sealed class VerdictJsonConverter() : JsonStringEnumConverter<Verdict>(JsonNamingPolicy.CamelCase);
