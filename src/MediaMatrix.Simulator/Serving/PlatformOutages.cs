using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace MediaMatrix.Simulator.Serving;

/// <summary>How a platform that is down answers every source on it.</summary>
public enum OutageKind
{
    /// <summary>Weibo's answer to a scraper it has had enough of: HTTP 432, no body worth reading.</summary>
    Http432,

    /// <summary>A Douyin-style anti-bot page: HTTP 200, a slider captcha and a script, no posts.</summary>
    AntiBotPage,
}

/// <summary>
/// A platform down for a while: every source of the accounts on <paramref name="Platform"/> (spelled as the cast spells
/// it, <c>weibo</c>) answers <paramref name="Kind"/> from <paramref name="From"/> after the simulator started, for
/// <paramref name="For"/>, again every <paramref name="Every"/> when set.
/// </summary>
public sealed record PlatformOutage(string Platform, OutageKind Kind, TimeSpan From, TimeSpan For, TimeSpan? Every = null)
{
    /// <summary>The demo's: Weibo refuses everyone with 432 for 15 minutes from 5 minutes after the start, then for the
    /// same quarter of every hour. The first minute's answer is untouched, and with the demo's 10-minute member polls
    /// each Weibo account fails at least once in it, so the monitor shows one 平台采集异常 and then its resolution.</summary>
    public static readonly PlatformOutage DemoWeibo = new("weibo", OutageKind.Http432, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1));

    public bool Covers(TimeSpan sinceStart)
    {
        if (sinceStart < From)
            return false;
        var into = sinceStart - From;
        if (Every is { } every && every > TimeSpan.Zero)
            into = TimeSpan.FromTicks(into.Ticks % every.Ticks);
        return into < For;
    }
}

/// <summary>The outages in force: the scheduled ones from the options, and those a test switches on and off.</summary>
internal sealed class PlatformOutages(IReadOnlyList<PlatformOutage> scheduled)
{
    private readonly ConcurrentDictionary<string, OutageKind> _switched = new(StringComparer.Ordinal);

    public void TakeDown(string platform, OutageKind kind) => _switched[platform] = kind;

    public void BringBack(string platform) => _switched.TryRemove(platform, out _);

    public OutageKind? At(string platform, TimeSpan sinceStart)
    {
        if (_switched.TryGetValue(platform, out var kind))
            return kind;
        return scheduled.FirstOrDefault(o => o.Platform == platform && o.Covers(sinceStart))?.Kind;
    }

    /// <summary>Answers for the platform and returns true when it is down now.</summary>
    public async Task<bool> TryAnswerAsync(HttpContext context, string platform, TimeSpan sinceStart)
    {
        if (At(platform, sinceStart) is not { } kind)
            return false;

        var response = context.Response;
        if (kind == OutageKind.Http432)
        {
            response.StatusCode = 432;
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync("{\"ok\":0,\"msg\":\"请求过于频繁，请稍后再试\"}\n", context.RequestAborted);
        }
        else
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(AntiBotPage, context.RequestAborted);
        }

        return true;
    }

    // Shaped like the verification page a short-video platform serves a client it takes for a bot: a 200 with no posts.
    private const string AntiBotPage = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>验证码中间页</title></head>
        <body><div id="captcha_container"><p>请完成下列验证后继续</p><div class="captcha-slider">按住左边按钮拖动完成上方拼图</div></div>
        <script>window.__ac_nonce="0";window.byted_acrawler&&byted_acrawler.init({aid:6383});</script>
        </body></html>

        """;
}
