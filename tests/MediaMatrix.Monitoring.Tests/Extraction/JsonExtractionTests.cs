using System.Text;
using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Tests.Extraction;

public class JsonExtractionTests
{
    // m.weibo.cn api/container/getIndex, weibo tab. "ok" is 1 on success even with HTTP 200 failures.
    private static readonly Profile Weibo = new(
        Name: "weibo-getindex",
        Items: "data.cards",
        Title: "mblog.text",
        Link: "scheme",
        Published: "mblog.created_at",
        Id: "mblog.bid",
        Pinned: "mblog.isTop",
        SuccessPath: "ok",
        SuccessValue: "1");

    // api.bilibili.com x/polymer/web-dynamic/v1/feed/space; pub_time is display text, pub_ts the truth.
    private static readonly Profile Bilibili = new(
        Name: "bilibili-space",
        Items: "data.items",
        Title: "modules.module_dynamic.desc.text",
        Link: string.Empty,
        Published: "modules.module_author.pub_ts",
        Id: "id_str",
        Pinned: "modules.module_tag.text",
        SuccessPath: "code",
        SuccessValue: "0",
        MessagePath: "message");

    // mp.weixin.qq.com/profile history page: the posts are a JSON literal in a script.
    private static readonly Profile WechatHistory = new(
        Name: "wechat-history",
        Items: "list",
        Title: "app_msg_ext_info.title",
        Link: "app_msg_ext_info.content_url",
        Published: "comm_msg_info.datetime",
        Id: "comm_msg_info.id",
        ScriptVariable: "msgList");

    private static ExtractionResult Extract(SourceKind kind, string fixture, Profile profile, DateTimeOffset now, string pageUrl) =>
        PostExtractor.Extract(Fixture.Request(kind, Fixture.Bytes(fixture), now, profile, "application/json", pageUrl));

    private static ExtractionResult ReadWeibo(string fixture) =>
        Extract(SourceKind.Json, fixture, Weibo, Fixture.China(2021, 6, 17, 18, 0, 0), "https://m.weibo.cn/api/container/getIndex?containerid=1076036279793937");

    [Fact]
    public void WeiboPinnedFirst_YieldsTenPostsWithThePinnedOlderThanTheNewest()
    {
        var result = ReadWeibo("weibo/m-weibo-cn_getIndex_weibo-tab_pinned-first_pretty.json");

        Assert.Equal(10, result.Posts.Count);
        Assert.Equal(0, result.UndatedCount);
        var pinned = result.Posts[0];
        Assert.True(pinned.Pinned);
        Assert.Equal("Kjc77D1jz", pinned.Id);
        Assert.Equal(Fixture.China(2021, 6, 8, 9, 35, 4), pinned.PublishedAt);
        // The text's <br /> after the hashtags reads as a space; the source README drops it.
        Assert.StartsWith("#明日方舟# #音律联觉# 2021明日方舟音律联觉", pinned.Title, StringComparison.Ordinal);
        Assert.Equal("https://m.weibo.cn/status/Kjc77D1jz?mblogid=Kjc77D1jz&luicode=10000011", pinned.Link?.Split("&lfid", 2)[0]);
        Assert.All(result.Posts.Skip(1), p => Assert.False(p.Pinned));

        var newest = result.Posts.MaxBy(p => p.PublishedAt)!;
        Assert.Equal("Kkzwhj69V", newest.Id);
        Assert.Equal(Fixture.China(2021, 6, 17, 11, 0, 31), newest.PublishedAt);
        Assert.StartsWith("#明日方舟# 06月17日16:00闪断更新公告", newest.Title, StringComparison.Ordinal);
        Assert.True(pinned.PublishedAt < newest.PublishedAt);
    }

    [Fact]
    public void WeiboNextPoll_HasExactlyOneNewPost()
    {
        var before = ReadWeibo("weibo/m-weibo-cn_getIndex_weibo-tab_pinned-first_pretty.json").Posts.Select(p => p.Id).ToHashSet();

        var after = ReadWeibo("weibo/m-weibo-cn_getIndex_weibo-tab_next-poll_pretty.json").Posts;

        Assert.Equal(11, after.Count);
        var added = Assert.Single(after, p => !before.Contains(p.Id));
        Assert.Equal("KkBtUx2dv", added.Id);
        Assert.Equal(Fixture.China(2021, 6, 17, 16, 0, 11), added.PublishedAt);
        Assert.StartsWith("#明日方舟# SideStory「沃伦姆德的薄暮」复刻现已开启！", added.Title, StringComparison.Ordinal);
        Assert.Equal(added.PublishedAt, after.Max(p => p.PublishedAt));
    }

    [Fact]
    public void WeiboRawCompact_DecodesEscapes()
    {
        var result = ReadWeibo("weibo/m-weibo-cn_getIndex_weibo-tab_raw-compact.json");

        Assert.Equal(11, result.Posts.Count);
        Assert.True(result.Posts[0].Pinned);
        var newest = result.Posts.MaxBy(p => p.PublishedAt)!;
        Assert.Equal("KnowibLCw", newest.Id);
        Assert.Equal(Fixture.China(2021, 7, 6, 0, 31, 15), newest.PublishedAt);
        Assert.StartsWith("我们绝不会利用签名来赚钱", newest.Title, StringComparison.Ordinal);
        Assert.StartsWith("https://m.weibo.cn/status/", newest.Link, StringComparison.Ordinal);
    }

    [Fact]
    public void WeiboOkZero_IsAParseErrorWithThePlatformMessage()
    {
        var error = Assert.Throws<ExtractionException>(() => ReadWeibo("weibo/m-weibo-cn_getIndex_ok0-no-content_raw-compact.json"));

        Assert.Equal(FetchErrorClass.Parse, error.ErrorClass);
        Assert.Contains("这里还没有内容", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BilibiliSpaceFeed_DatesComeFromEpochAndMatchGroundTruth()
    {
        var result = Extract(SourceKind.Json, "bilibili/bilibili_polymer-space-feed_relative-pub-time.json", Bilibili,
            Fixture.China(2024, 4, 8, 15, 3, 0), "https://api.bilibili.com/x/polymer/web-dynamic/v1/feed/space?host_mid=161775300");

        Assert.Equal(12, result.Posts.Count);
        Assert.Equal(0, result.UndatedCount);
        Assert.True(result.Posts[0].Pinned);
        Assert.Equal(Fixture.China(2024, 4, 5, 11, 5, 0), result.Posts[0].PublishedAt);
        Assert.All(result.Posts.Skip(1), p => Assert.False(p.Pinned));
        Assert.Equal("917925942426337285", result.Posts[1].Id);
        Assert.Equal(Fixture.China(2024, 4, 8, 15, 1, 28), result.Posts[1].PublishedAt);
        Assert.StartsWith("【新增干员】", result.Posts[1].Title, StringComparison.Ordinal);
        Assert.Equal(Fixture.China(2024, 4, 7, 16, 0, 1), result.Posts[2].PublishedAt);
        Assert.Equal("915793667264872453", result.Posts[^1].Id);
        Assert.Equal(Fixture.China(2024, 4, 2, 21, 7, 9), result.Posts[^1].PublishedAt);
        Assert.All(result.Posts, p => Assert.Null(p.Link));
    }

    [Fact]
    public void BilibiliSpaceFeed_DisplayedRelativeTimesAgreeWithEpochToTheDay()
    {
        // The same capture read through pub_time, the Chinese display text, at the capture time.
        var display = Bilibili with { Published = "modules.module_author.pub_time" };
        var now = Fixture.China(2024, 4, 8, 15, 3, 0);
        const string fixture = "bilibili/bilibili_polymer-space-feed_relative-pub-time.json";

        var shown = Extract(SourceKind.Json, fixture, display, now, "https://api.bilibili.com/").Posts;
        var truth = Extract(SourceKind.Json, fixture, Bilibili, now, "https://api.bilibili.com/").Posts;

        Assert.Equal(0, shown.Count(p => p.PublishedAt is null));
        Assert.All(shown.Zip(truth), pair => Assert.Equal(pair.Second.PublishedAt!.Value.Date, pair.First.PublishedAt!.Value.Date));
    }

    [Fact]
    public void BilibiliOpus_ReadsFullChineseDateOnPinnedItem()
    {
        var display = Bilibili with { Published = "modules.module_author.pub_time", Title = "id_str" };

        var result = Extract(SourceKind.Json, "bilibili/bilibili_polymer-space-feed_opus_full-cn-date.json", display,
            Fixture.China(2025, 2, 11, 21, 21, 0), "https://api.bilibili.com/");

        Assert.Equal(3, result.Posts.Count);
        Assert.True(result.Posts[0].Pinned);
        Assert.Equal("924682449980489833", result.Posts[0].Id);
        Assert.Equal(Fixture.China(2024, 4, 26), result.Posts[0].PublishedAt);
    }

    [Fact]
    public void WechatHistoryPage_ReadsTheMsgListScriptLiteral()
    {
        var result = Extract(SourceKind.Html, "wechat/mp-weixin_profile-history_msgList.html", WechatHistory,
            Fixture.China(2017, 7, 24, 22, 0, 0), "https://mp.weixin.qq.com/profile?src=3&timestamp=1500903767");

        Assert.Equal(10, result.Posts.Count);
        Assert.Equal("帝都深处好修行", result.Posts[0].Title);
        Assert.Equal(Fixture.China(2017, 7, 24, 13, 4, 46), result.Posts[0].PublishedAt);
        Assert.StartsWith("https://mp.weixin.qq.com/s?timestamp=1500903767&src=3&ver=1&", result.Posts[0].Link, StringComparison.Ordinal);
        Assert.Equal("完美受害人", result.Posts[^1].Title);
        Assert.Equal(Fixture.China(2017, 7, 8, 11, 23, 26), result.Posts[^1].PublishedAt);
    }

    [Theory]
    [InlineData("no array at the items path", """{"ok":1,"data":{}}""", FetchErrorClass.Parse)]
    [InlineData("empty array", """{"ok":1,"data":{"cards":[]}}""", FetchErrorClass.Empty)]
    [InlineData("success flag missing", """{"data":{"cards":[{"mblog":{"bid":"x"}}]}}""", FetchErrorClass.Parse)]
    [InlineData("not json", "<html><title>502</title></html>", FetchErrorClass.Parse)]
    [InlineData("truncated json", """{"ok":1,"data":{"cards":[""", FetchErrorClass.Parse)]
    public void BrokenApiResponses_AreErrorsNotEmptySuccess(string form, string body, FetchErrorClass expected)
    {
        var error = Assert.Throws<ExtractionException>(() =>
            PostExtractor.Extract(Fixture.Request(SourceKind.Json, Encoding.UTF8.GetBytes(body), Fixture.China(2021, 6, 17), Weibo)));

        Assert.Equal(expected, error.ErrorClass);
        Assert.NotNull(form);
    }

    [Fact]
    public void CardsWithoutAnId_AreSkipped()
    {
        const string body = """{"ok":1,"data":{"cards":[{"card_type":11,"card_group":[]},{"mblog":{"bid":"A1","text":"你好","created_at":"刚刚","isTop":0}}]}}""";

        var post = Assert.Single(PostExtractor.Extract(Fixture.Request(SourceKind.Json, Encoding.UTF8.GetBytes(body), Fixture.China(2021, 6, 17), Weibo)).Posts);

        Assert.Equal("A1", post.Id);
        Assert.False(post.Pinned);
    }
}
