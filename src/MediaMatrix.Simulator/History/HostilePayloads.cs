namespace MediaMatrix.Simulator.History;

/// <summary>
/// The XSS corpus a hostile source serves (reliability.md X1, X4, X5): tag break-outs, event
/// handlers, <c>javascript:</c> in mixed case / with tabs / entity-encoded, <c>data:</c>, SVG,
/// <c>&lt;/title&gt;&lt;script&gt;</c>, spreadsheet formulas and header-injecting line breaks.
/// Everything downstream (web UI, API, digest mail, bulletins, exports) must show these as text
/// and never make the links clickable. Public so the tests that prove it can use the same list.
/// </summary>
public static class HostilePayloads
{
    public static IReadOnlyList<string> Titles { get; } =
    [
        "<img src=x onerror=alert(1)>",
        "<script>alert(document.cookie)</script>",
        "\"><svg onload=alert(1)>",
        "</title><script>alert(1)</script>",
        "'><script>alert(1)</script>",
        "<svg><script>alert(1)</script></svg>",
        "<svg/onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<body onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">点我</a>",
        "<a href=\"&#106;avascript:alert(1)\">点我</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">点我</a>",
        "<a href=\"java\tscript:alert(1)\">点我</a>",
        "<details open ontoggle=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<select autofocus onfocus=alert(1)>",
        "<video><source onerror=alert(1)></video>",
        "<audio src onerror=alert(1)>",
        "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<style>@import 'javascript:alert(1)';</style>",
        "<marquee onstart=alert(1)>",
        "</textarea><script>alert(1)</script>",
        "</script><script>alert(1)</script>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<IMG SRC=JaVaScRiPt:alert(1)>",
        "<img src=x onerror=\"&#97;lert(1)\">",
        "<img src=x:alert(alt) onerror=eval(src) alt=1>",
        "<img srcset=\",,,,,x\" onerror=alert(1)>",
        "<base href=\"javascript:alert(1)//\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>提交</button></form>",
        "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<template><img src=x onerror=alert(1)></template>",
        "<div style=\"background:url(javascript:alert(1))\">",
        "<x onclick=alert(1)>点击",
        "<script src=//evil.example/x.js></script>",
        "<link rel=import href=\"data:text/html,<script>alert(1)</script>\">",
        "\" onmouseover=\"alert(1)",
        "' onmouseover='alert(1)",
        "{{constructor.constructor('alert(1)')()}}",
        "${alert(1)}",
        "=HYPERLINK(\"http://evil.example\",\"点击查看\")",
        "=cmd|' /C calc'!A0",
        "+1+cmd|' /C calc'!A0",
        "-1+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "通知\r\nBcc: victim@example.com",
        "<svg><set attributeName=onmouseover to=alert(1)>",
    ];

    public static IReadOnlyList<string> Links { get; } =
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        " javascript:alert(1)",
        "javascript:%61lert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "javascript://%0aalert(1)",
    ];

    /// <summary>
    /// Each title carries two payloads, one before and one after the real title; every third post
    /// links to a script URL instead of its page. <paramref name="place"/> is day number × 7 +
    /// index in the day: the counts (53 titles, 9 links) are prime to the steps that makes, so an
    /// account posting every other day still meets every payload within a few months.
    /// </summary>
    internal static SimulatedPost Infect(SimulatedPost post, long place)
    {
        var title = Titles[(int)(place % Titles.Count)] + post.Title + Titles[(int)((place + Titles.Count / 2) % Titles.Count)];
        var link = place % 3 == 0 ? Links[(int)(place / 3 % Links.Count)] : post.Link;
        return post with { Title = title, Link = link };
    }
}
