using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Tests.Extraction;

/// <summary>Saved responses under Fixtures/ (see Fixtures/README.md) and the request a poll would make of them.</summary>
internal static class Fixture
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static byte[] Bytes(string relativePath) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    public static ExtractionRequest Request(
        SourceKind kind,
        byte[] body,
        DateTimeOffset now,
        Profile? profile = null,
        string? contentType = null,
        string pageUrl = "https://example.gov.cn/list/index.html") =>
        new(kind, profile, body, contentType, new Uri(pageUrl), now, Shanghai);

    public static DateTimeOffset China(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));
}
