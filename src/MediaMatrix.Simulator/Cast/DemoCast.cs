namespace MediaMatrix.Simulator.Cast;

/// <summary>
/// The demo's "1+N" matrix, modelled on Dinghai: the 定海山 client leads, the department accounts
/// follow. Mostly active, with one character for each case an inspector must catch
/// (config/demo/README.md lists the expected verdicts), and
/// a content flaw in some accounts' posts for the content checks (<see cref="ContentFlaw"/>), and cluster tasks the
/// head issued over the last weeks (<see cref="Tasks"/>) that members did on time, late or not at all (<see cref="RepostHabit"/>).
/// </summary>
public static class DemoCast
{
    /// <summary>
    /// Standing orders the head posts: each title holds a keyword of the demo's keyword rule, so the monitor makes the task
    /// itself. Three due in the last three weeks, one a few days ago, one still open at start (issued yesterday, due tomorrow).
    /// </summary>
    public static IReadOnlyList<SimulatedTask> Tasks { get; } =
    [
        new("征兵", "定海区征兵网上报名工作全面启动", 20, 9),
        new("反诈", "全民反诈在行动：防范电信网络诈骗十条提示", 15, 10),
        new("森林防火", "关于做好森林防火工作的通告", 10, 15),
        new("倡议书", "文明城市创建倡议书：共建共享美好家园", 6, 11),
        new("征兵", "征兵政策问答：大学生入伍优待一图读懂", 1, 16),
    ];

    public static IReadOnlyList<SimulatedAccount> Accounts { get; } =
    [
        new("dinghaishan", "定海山", "app", "head", "区融媒体中心", Topic.News, SourceFormat.Rss, AccountBehaviour.Active, Issues: Tasks, PageSize: 150),
        new("dh-fabu", "定海发布", "weibo", "member", "区委宣传部", Topic.Government, SourceFormat.Rss, AccountBehaviour.Active),
        new("dh-gov", "定海区人民政府网", "website", "member", "区政府办公室", Topic.Government, SourceFormat.HtmlList, AccountBehaviour.Active, ListShowsTime: true, Flaws: ContentFlaw.LongArticle | ContentFlaw.LexiconError),
        new("dh-hrss", "定海人社", "wechat", "member", "区人力社保局", Topic.HumanResources, SourceFormat.Rss, AccountBehaviour.Active, Flaws: ContentFlaw.LeakedId),
        new("dh-hrss-web", "定海区人力社保局网站", "website", "member", "区人力社保局", Topic.HumanResources, SourceFormat.HtmlList, AccountBehaviour.Gbk),
        new("dh-mz", "定海民政", "wechat", "member", "区民政局", Topic.CivilAffairs, SourceFormat.Atom, AccountBehaviour.Active, Flaws: ContentFlaw.LeakedMobile | ContentFlaw.MaskedNumber),
        new("dh-edu", "定海教育", "website", "member", "区教育局", Topic.Education, SourceFormat.HtmlList, AccountBehaviour.Active),
        new("dh-edu-dy", "定海教育发布", "douyin", "member", "区教育局", Topic.Education, SourceFormat.JsonFeed, AccountBehaviour.Active, Reposts: RepostHabit.Late),
        new("dh-wlty", "定海文旅", "douyin", "member", "区文化和广电旅游体育局", Topic.CultureTourism, SourceFormat.JsonFeed, AccountBehaviour.Active),
        new("dh-wlty-bili", "定海文旅体", "bilibili", "member", "区文化和广电旅游体育局", Topic.CultureTourism, SourceFormat.Atom, AccountBehaviour.Slowing),
        new("dh-wj", "健康定海", "wechat", "member", "区卫生健康局", Topic.Health, SourceFormat.Rss, AccountBehaviour.Active, Flaws: ContentFlaw.MaskedNumber, Reposts: RepostHabit.Sometimes),
        new("dh-police", "平安定海", "weibo", "member", "公安分局", Topic.Police, SourceFormat.Rss, AccountBehaviour.Active),
        new("dh-police-dy", "定海公安", "douyin", "member", "公安分局", Topic.Police, SourceFormat.JsonFeed, AccountBehaviour.Hostile, Flaws: ContentFlaw.LeakedMobile),
        new("dh-scjg", "定海市场监管", "wechat", "member", "区市场监管局", Topic.MarketRegulation, SourceFormat.Atom, AccountBehaviour.Slowing),
        new("dh-zj", "定海住建", "website", "member", "区住建局", Topic.Housing, SourceFormat.HtmlList, AccountBehaviour.Quiet),
        new("dh-nync", "定海农业农村", "toutiao", "member", "区农业农村局", Topic.Agriculture, SourceFormat.JsonFeed, AccountBehaviour.Dormant),
        new("dh-yjgl", "定海应急", "weibo", "member", "区应急管理局", Topic.Emergency, SourceFormat.Rss, AccountBehaviour.Zombie),
        new("dh-sthj", "定海生态环境", "website", "member", "区生态环境分局", Topic.Environment, SourceFormat.HtmlList, AccountBehaviour.Down),
        new("dh-jt", "定海交通", "toutiao", "member", "区交通运输局", Topic.Transport, SourceFormat.Rss, AccountBehaviour.Flaky, Reposts: RepostHabit.Late),
        new("dh-sf", "定海普法", "wechat", "member", "区司法局", Topic.Justice, SourceFormat.Atom, AccountBehaviour.Active, Flaws: ContentFlaw.LexiconError),
        new("dh-tyjr", "定海退役军人", "wechat", "member", "区退役军人事务局", Topic.Veterans, SourceFormat.JsonFeed, AccountBehaviour.Active, Reposts: RepostHabit.Never),
    ];
}
