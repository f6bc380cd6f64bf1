// TEMPORARY: replaced by the extraction branch at merge.
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Extraction;

public sealed record ExtractionRequest(SourceKind Kind, Profile? Profile, ReadOnlyMemory<byte> Body, string? ContentType, Uri PageUrl, DateTimeOffset Now, TimeZoneInfo Zone);

public sealed record ExtractionResult(IReadOnlyList<Post> Posts, int UndatedCount);

public sealed class ExtractionException(FetchErrorClass errorClass, string message) : Exception(message)
{
    public FetchErrorClass ErrorClass { get; } = errorClass;
}

public static class PostExtractor
{
    public static ExtractionResult Extract(ExtractionRequest request) => throw new NotImplementedException();
}
