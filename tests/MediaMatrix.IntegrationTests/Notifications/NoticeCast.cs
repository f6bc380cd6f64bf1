using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.IntegrationTests.Notifications;

/// <summary>The cast of the notification tests: a three-account matrix (one account with a hostile, overlong name) and
/// evaluations that open the alerts the tests route.</summary>
internal static class NoticeCast
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(8));

    public const string Secret = "SEC0123456789abcdef";

    /// <summary>Markdown and HTML injection, a CR/LF header break, a foreign link, and far more text than any platform takes.</summary>
    public static readonly string HostileName =
        "定海教育<img src=x onerror=alert(1)>[点我](javascript:alert(1))**粗体** <font color=\"info\">绿</font>\r\nBcc: evil@example.com http://evil.example/phish "
        + new string('长', 9000);

    public const string HostileReason = "连续两周未更新 <script>alert(1)</script> [钓鱼](http://evil.example/) ![x](http://evil.example/x.png)";

    public static MatrixConfig Matrix(string eduName = "定海教育") => new(
        new MatrixSettings("定海区政务新媒体矩阵", TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8"), AllowPrivateNetworks: true),
        [
            Account("dinghaishan", "定海山", Tier.Head, "区融媒体中心"),
            Account("dh-edu", eduName, Tier.Member, "区教育局"),
            Account("dh-hrss", "定海人社", Tier.Member, "区人力社保局"),
        ],
        new Dictionary<string, Profile>());

    public static Evaluation Unqualified(string id, DateTimeOffset at, string reason = "连续两周未更新") =>
        new(id, at, Verdict.Unqualified, 0, at.AddDays(-20), 0, 0, 1, [new Reason("veto-14d", reason, "no update for two weeks")]);

    public static Evaluation Qualified(string id, DateTimeOffset at) =>
        new(id, at, Verdict.Qualified, 80, at.AddDays(-1), 3, 6, 12, []);

    public static Evaluation Weak(string id, DateTimeOffset at) =>
        new(id, at, Verdict.Qualified, 52, at.AddDays(-3), 1, 2, 4, []) { Weak = true };

    /// <summary>An alert as the rules open it, for tests that need one without the service.</summary>
    public static Alert Opened(AlertKind kind, string subject, DateTimeOffset at, string titleZh = "dh-edu 检查不合格：连续两周未更新") =>
        new(Alert.KeyOf(kind, subject, at), kind, subject, AlertKinds.Severity(kind), AlertStatus.Open, titleZh, "dh-edu became unqualified", at);

    private static Account Account(string id, string name, Tier tier, string department) =>
        new(id, name, Platform.Website, tier, department, new Source(SourceKind.Feed, new Uri($"http://127.0.0.1:9/{id}.xml")));
}
