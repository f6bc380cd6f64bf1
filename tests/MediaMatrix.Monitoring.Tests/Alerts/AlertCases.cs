using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Tests.Alerts;

/// <summary>Small builders for the alert tests: an evaluation with only what the rules read.</summary>
internal static class AlertCases
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(8));

    public static Evaluation Qualified(string id, DateTimeOffset at) =>
        new(id, at, Verdict.Qualified, 80, at.AddDays(-1), 3, 6, 12, []);

    public static Evaluation Unqualified(string id, DateTimeOffset at) =>
        new(id, at, Verdict.Unqualified, 0, at.AddDays(-20), 0, 0, 1, [new Reason("veto-14d", "连续两周未更新", "no update for two weeks")]);

    public static Evaluation Unknown(string id, DateTimeOffset at) =>
        new(id, at, Verdict.Unknown, null, null, 0, 0, 0, [new Reason("stale", "数据不足", "collection stale")]);

    public static PollState Healthy(DateTimeOffset at) => new(LastAttemptAt: at, LastSuccessAt: at, LastItemCount: 10);

    public static PollState Failing(DateTimeOffset at, DateTimeOffset? lastSuccess, FetchErrorClass error, int failures) =>
        new(LastAttemptAt: at, LastSuccessAt: lastSuccess, LastError: "x", LastErrorClass: error, ConsecutiveFailures: failures);

    public static ClusterTask Task(string id, DateTimeOffset deadline) =>
        new(id, "定海区2026年冬季征兵公告", null, deadline.AddDays(-2), deadline, []);
}
