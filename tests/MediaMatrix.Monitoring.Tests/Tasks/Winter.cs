using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Tests.Tasks;

/// <summary>
/// The cast: the winter conscription notice (定海区2026年冬季征兵公告) the head issues on 1 December at 09:00,
/// due two days later, and the members that owe it.
/// </summary>
internal static class Winter
{
    public const string Title = "定海区2026年冬季征兵公告";
    public const string Link = "http://www.dinghai.example.gov.cn/art/2026/12/1/art_123.html";

    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    public static readonly DateTimeOffset Issued = new(2026, 12, 1, 9, 0, 0, Beijing);
    public static readonly DateTimeOffset Deadline = new(2026, 12, 3, 9, 0, 0, Beijing);

    public static readonly string[] Members = ["dh-hrss", "dh-edu", "dh-health"];

    public static ClusterTask Task(string id = "t-1201", params string[] assignees) =>
        new(id, Title, new Uri(Link), Issued, Deadline, assignees);

    public static Post Repost(string id, string title, string? link, DateTimeOffset at) => new(id, title, link, at);

    public static Post RepostAfterIssue(string id, TimeSpan after, string title = Title, string? link = null) =>
        new(id, title, link, Issued + after);
}
