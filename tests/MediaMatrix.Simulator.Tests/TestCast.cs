using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.Simulator.Tests;

/// <summary>One member per behaviour, named after it, plus a head; RSS unless the behaviour is about HTML.</summary>
internal static class TestCast
{
    public static readonly IReadOnlyList<SimulatedAccount> OneOfEach =
    [
        new("head", "测试主账号", "app", "head", "区融媒体中心", Topic.News, SourceFormat.Rss, AccountBehaviour.Active),
        Member("active", AccountBehaviour.Active),
        Member("slowing", AccountBehaviour.Slowing),
        Member("quiet", AccountBehaviour.Quiet),
        Member("dormant", AccountBehaviour.Dormant),
        Member("zombie", AccountBehaviour.Zombie),
        Member("down", AccountBehaviour.Down),
        Member("flaky", AccountBehaviour.Flaky),
        Member("rate-limited", AccountBehaviour.RateLimited),
        Member("layout-changed", AccountBehaviour.LayoutChanged, SourceFormat.HtmlList),
        Member("layout-by-time", AccountBehaviour.LayoutChanged, SourceFormat.HtmlList) with { LayoutChangesAfterRequests = null, LayoutChangesAfter = TimeSpan.FromDays(1) },
        Member("undated", AccountBehaviour.Undated, SourceFormat.HtmlList),
        Member("undated-rss", AccountBehaviour.Undated),
        Member("gbk", AccountBehaviour.Gbk, SourceFormat.HtmlList),
        Member("gbk-late-meta", AccountBehaviour.Gbk, SourceFormat.HtmlList) with { LateCharsetMeta = true },
        Member("hostile", AccountBehaviour.Hostile, SourceFormat.JsonFeed),
        Member("hostile-rss", AccountBehaviour.Hostile),
        Member("hostile-html", AccountBehaviour.Hostile, SourceFormat.HtmlList),
        Member("site", AccountBehaviour.Active, SourceFormat.HtmlList),
        Member("blocked", AccountBehaviour.Blocked),
        Member("redirect-chain", AccountBehaviour.RedirectChain),
        Member("redirect-loop", AccountBehaviour.RedirectLoop),
        Member("oversized", AccountBehaviour.Oversized),
        Member("bomb", AccountBehaviour.CompressionBomb),
        Member("stalled", AccountBehaviour.Stalled),
        Member("trickle", AccountBehaviour.Trickle),
        Member("xml-bomb", AccountBehaviour.XmlBomb),
        Member("atom", AccountBehaviour.Active, SourceFormat.Atom),
        Member("json", AccountBehaviour.Active, SourceFormat.JsonFeed),
    ];

    private static SimulatedAccount Member(string id, AccountBehaviour behaviour, SourceFormat format = SourceFormat.Rss) =>
        new(id, $"测试{id}", "wechat", "member", "区人力社保局", Topic.HumanResources, format, behaviour);
}
