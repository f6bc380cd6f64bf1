using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Benchmarks.Inputs;

/// <summary>
/// S1's matrix held in memory: one head and <c>accounts − 1</c> members with 90 days of posts, newest first as the
/// store returns them. Members post at mixed rates (40 % twice a day, 30 % every other day, 20 % weekly, 10 % almost
/// never), about one post per account per day on average. Four cluster tasks fell due in the last 30 days; about
/// half the members reposted each one, by link or with a decorated title. Seeded: the same size gives the same corpus.
/// </summary>
internal sealed class AssessmentCorpus
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly string[] Titles =
    [
        "关于开展2026年冬季森林防火工作的通知", "区人力社保局发布2026年第四季度就业见习岗位", "定海区举行安全生产月活动启动仪式",
        "关于调整城乡居民基本医疗保险缴费标准的公告", "区教育局召开全区中小学校长会议", "定海区文化礼堂系列活动精彩纷呈",
        "关于做好秋冬季传染病防控工作的提示", "区市场监管局开展食品安全专项检查", "定海区2026年重点项目建设推进会召开",
        "关于公布行政执法典型案例的通告", "区农业农村局部署秋冬种生产工作", "定海区举办消防安全知识进社区活动",
    ];

    private static readonly string[] TaskTitles =
    [
        "定海区2026年冬季征兵公告", "关于开展全国第五次经济普查宣传的通知", "定海区推进营商环境优化提升十条措施", "防范电信网络诈骗告市民书",
    ];

    private AssessmentCorpus(IReadOnlyList<AssessmentInput> inputs, IReadOnlyList<ClusterTask> tasks)
    {
        Inputs = inputs;
        Tasks = tasks;
        PostsByAccount = inputs.ToDictionary(i => i.Account.Id, i => i.Posts, StringComparer.Ordinal);
        MemberIds = [.. inputs.Where(i => i.Account.Tier == Tier.Member).Select(i => i.Account.Id)];
    }

    public IReadOnlyList<AssessmentInput> Inputs { get; }

    public IReadOnlyList<ClusterTask> Tasks { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<Post>> PostsByAccount { get; }

    public IReadOnlyList<string> MemberIds { get; }

    public int PostCount => Inputs.Sum(i => i.Posts.Count);

    public static AssessmentCorpus Create(int accounts)
    {
        var random = new Random(2026);
        var tasks = TaskTitles.Select((title, n) => new ClusterTask($"t-{n + 1}", title,
            new Uri($"https://www.dinghai.gov.cn/art/2026/11/{3 + (n * 5)}/art_1229_{9000 + n}.html"),
            Now.AddDays(-28 + (n * 6)), Now.AddDays(-26 + (n * 6)), [])).ToList();
        var poll = new PollState(LastAttemptAt: Now.AddHours(-1), LastSuccessAt: Now.AddHours(-1));
        var inputs = new List<AssessmentInput>(accounts);
        for (var a = 0; a < accounts; a++)
        {
            var id = a == 0 ? "head" : $"m{a:D6}";
            var account = new Account(id, $"账号{a}", Platform.Wechat, a == 0 ? Tier.Head : Tier.Member, "区政府办公室",
                new Source(SourceKind.Feed, new Uri($"https://rsshub.example/wechat/{id}")));
            var perDay = a == 0 ? 3 : (a % 10) switch { < 4 => 2.0, < 7 => 0.5, < 9 => 1.0 / 7, _ => 0.02 };
            inputs.Add(new AssessmentInput(account, Posts(id, perDay, a == 0 ? null : tasks, random), poll));
        }

        return new AssessmentCorpus(inputs, tasks);
    }

    private static List<Post> Posts(string accountId, double perDay, IReadOnlyList<ClusterTask>? tasks, Random random)
    {
        var posts = new List<Post>();
        var at = Now.AddMinutes(-random.Next(1, 600));
        var oldest = Now.AddDays(-90);
        var n = 0;
        while (at > oldest)
        {
            posts.Add(new Post($"https://www.dinghai.gov.cn/{accountId}/art_{n}.html", Titles[random.Next(Titles.Length)],
                $"https://www.dinghai.gov.cn/{accountId}/art_{n}.html", at));
            n++;
            at = at.AddHours(-24 / perDay * (0.5 + random.NextDouble()));
        }

        foreach (var task in tasks ?? [])
        {
            if (random.Next(2) == 0)
            {
                var reposted = task.Issued.AddHours(random.Next(1, 72));
                var byLink = random.Next(2) == 0;
                posts.Add(new Post($"https://www.dinghai.gov.cn/{accountId}/repost_{task.Id}.html",
                    byLink ? task.Title : $"【转发】{task.Title}", byLink ? task.Link!.AbsoluteUri : null, reposted));
            }
        }

        posts.Sort((x, y) => y.PublishedAt!.Value.CompareTo(x.PublishedAt!.Value));
        return posts;
    }
}
