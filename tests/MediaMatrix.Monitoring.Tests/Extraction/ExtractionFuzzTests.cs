using System.Diagnostics;
using System.Text;
using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using Xunit.Abstractions;

namespace MediaMatrix.Monitoring.Tests.Extraction;

/// <summary>
/// F8: thousands of seeded mutations of the saved responses through the extract step. The only
/// acceptable failure is an <see cref="ExtractionException"/>; anything else would break a batch.
/// The seed is fixed, so a failure names an input that can be replayed.
/// </summary>
public sealed class ExtractionFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261127;
    private const int Mutations = 3000;

    private static readonly Profile List = new("list", "li", "a", "a@href", "span", Pinned: "i.top", NextPage: "a.next@href",
        Reads: "em.reads", Replace: ["title: ^\\s*【置顶】 => "]);

    private static readonly Profile Weibo = new("weibo", "data.cards", "mblog.text", "scheme", "mblog.created_at", Id: "mblog.bid",
        Pinned: "mblog.isTop", SuccessPath: "ok", SuccessValue: "1", Likes: "mblog.attitudes_count");

    private static readonly Profile Bilibili = new("bilibili", "data.items", "modules.module_dynamic.desc.text", string.Empty,
        "modules.module_author.pub_ts", Id: "id_str", SuccessPath: "code", SuccessValue: "0");

    private static readonly Profile Wechat = new("wechat", "list", "app_msg_ext_info.title", "app_msg_ext_info.content_url",
        "comm_msg_info.datetime", Id: "comm_msg_info.id", ScriptVariable: "msgList");

    private static readonly (string Path, SourceKind Kind, Profile? Profile)[] Corpus =
    [
        ("rss/rsshub_bilibili-user-channel.xml", SourceKind.Feed, null),
        ("list-pages/disclosure-list_meta-gb2312-but-utf8-bytes.html", SourceKind.Html, List),
        ("edge-cases/gbk-no-charset_maintenance-page-served-at-feed-url.html", SourceKind.Feed, null),
        ("wechat/mp-weixin_profile-history_msgList.html", SourceKind.Html, Wechat),
        ("weibo/m-weibo-cn_getIndex_weibo-tab_raw-compact.json", SourceKind.Json, Weibo),
        ("weibo/m-weibo-cn_getIndex_ok0-no-content_raw-compact.json", SourceKind.Json, Weibo),
        ("bilibili/bilibili_polymer-space-feed_opus_full-cn-date.json", SourceKind.Json, Bilibili),
    ];

    // Fragments that break parsers: markup openers and closers, entities, CDATA, DTDs, odd encodings.
    private static readonly string[] Splices =
    [
        "<", ">", "</", "<!--", "-->", "<![CDATA[", "]]>", "&", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "\"", "'", "{", "}", "[", "]", ",", ":",
        "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;", "<item>", "</item>", "<li>", "</li>", "<a href=\"javascript:alert(1)\">", "\\u0000", "\0",
        "\uFEFF", "\uFFFD", "9999999999999999999999", "-1", "null", "true", "1e308", "<?xml version=\"1.0\" encoding=\"gb2312\"?>", "<meta charset=\"utf-16\">",
    ];

    [Fact]
    public void F8_SeededMutationsOfTheFixtures_OnlyEverFailAsExtractionErrors()
    {
        var random = new Random(Seed);
        var now = Fixture.China(2026, 11, 27, 10);
        var bodies = Corpus.Select(c => Fixture.Bytes(c.Path)).ToArray();
        var stopwatch = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var rejected = 0;

        for (var i = 0; i < Mutations; i++)
        {
            var pick = random.Next(Corpus.Length);
            var (path, kind, profile) = Corpus[pick];
            var body = Mutate(bodies[pick], random);
            var one = Stopwatch.StartNew();
            try
            {
                PostExtractor.Extract(Fixture.Request(kind, body, now, profile));
            }
            catch (ExtractionException)
            {
                rejected++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"mutation {i} of {path} (seed {Seed}) threw {ex.GetType().Name}: {ex.Message}");
            }

            slowest = one.Elapsed > slowest ? one.Elapsed : slowest;
        }

        output.WriteLine($"{Mutations} mutations in {stopwatch.Elapsed.TotalSeconds:0.0} s, {rejected} rejected as extraction errors, slowest {slowest.TotalMilliseconds:0} ms");
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"one input took {slowest}");
    }

    [Theory]
    [InlineData(SourceKind.Html, "<div>", "</div>")]
    [InlineData(SourceKind.Feed, "<x>", "</x>")]
    [InlineData(SourceKind.Json, "[", "]")]
    [InlineData(SourceKind.Json, "{\"a\":", "}")]
    public void F8_HundredThousandDeepNesting_IsRefusedWithoutOverflowingTheStack(SourceKind kind, string open, string close)
    {
        var body = new StringBuilder(kind == SourceKind.Feed ? "<rss><channel>" : string.Empty);
        body.Insert(body.Length, open, 100_000).Insert(body.Length, close, 100_000);
        var profile = kind == SourceKind.Json ? Weibo : List;

        var ex = Assert.Throws<ExtractionException>(() => PostExtractor.Extract(Fixture.Request(kind, Encoding.UTF8.GetBytes(body.ToString()), Fixture.China(2026, 11, 27), profile)));

        Assert.Contains(ex.ErrorClass, new[] { FetchErrorClass.Parse, FetchErrorClass.Empty });
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var edits = random.Next(1, 8);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: // flip bytes
                    for (var k = 0; k < random.Next(1, 16) && at + k < bytes.Count; k++)
                    {
                        bytes[at + k] = (byte)random.Next(256);
                    }

                    break;
                case 1: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2: // cut a slice
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 2048), bytes.Count - at));
                    break;
                case 3: // duplicate a slice
                    var length = Math.Min(random.Next(1, 4096), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default: // splice in a hostile fragment
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Splices[random.Next(Splices.Length)]));
                    break;
            }
        }

        return [.. bytes];
    }
}
