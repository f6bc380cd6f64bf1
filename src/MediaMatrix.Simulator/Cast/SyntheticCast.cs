namespace MediaMatrix.Simulator.Cast;

/// <summary>
/// Large casts for benchmarks and soak runs (performance.md E1, E2): one head and any number of
/// active members, formats and fields in rotation. The same count always gives the same cast.
/// </summary>
public static class SyntheticCast
{
    private static readonly (string Department, Topic Topic)[] Fields =
    [
        ("区人力社保局", Topic.HumanResources), ("区民政局", Topic.CivilAffairs), ("区教育局", Topic.Education),
        ("区文化和广电旅游体育局", Topic.CultureTourism), ("区卫生健康局", Topic.Health), ("公安分局", Topic.Police),
        ("区市场监管局", Topic.MarketRegulation), ("区住建局", Topic.Housing), ("区农业农村局", Topic.Agriculture),
        ("区应急管理局", Topic.Emergency), ("区生态环境分局", Topic.Environment), ("区交通运输局", Topic.Transport),
        ("区司法局", Topic.Justice), ("区退役军人事务局", Topic.Veterans), ("区政府办公室", Topic.Government),
    ];

    private static readonly (string Platform, SourceFormat Format)[] Channels =
    [
        ("wechat", SourceFormat.Rss), ("weibo", SourceFormat.Atom), ("douyin", SourceFormat.JsonFeed), ("website", SourceFormat.HtmlList),
        ("toutiao", SourceFormat.Rss), ("bilibili", SourceFormat.JsonFeed),
    ];

    /// <param name="members">How many member accounts besides the head.</param>
    /// <param name="htmlPageBytes">Size to pad HTML list pages to (0: lean pages).</param>
    public static IReadOnlyList<SimulatedAccount> Create(int members, int htmlPageBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(members);
        var cast = new List<SimulatedAccount>(members + 1)
        {
            new("sim-head", "模拟主账号", "app", "head", "区融媒体中心", Topic.News, SourceFormat.Rss, AccountBehaviour.Active),
        };
        for (var i = 1; i <= members; i++)
        {
            var (department, topic) = Fields[i % Fields.Length];
            var (platform, format) = Channels[i % Channels.Length];
            cast.Add(new($"sim-{i:D6}", $"模拟账号{i}", platform, "member", department, topic, format, AccountBehaviour.Active, HtmlPageBytes: htmlPageBytes));
        }

        return cast;
    }
}
