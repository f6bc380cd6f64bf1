namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// Recognises anti-bot interstitials that answer 200: the WAFs in front of government sites
/// (Aliyun, Yunsuo/云锁, Chuangyu/创宇盾, Safe3, Cloudflare) and captcha or "enable JavaScript"
/// pages. Only consulted when a page yielded no posts, so a news item that mentions 验证码 is not
/// taken for a block.
/// </summary>
internal static class BlockedPage
{
    private static readonly string[] Markers =
    [
        "captcha", "人机验证", "安全验证", "滑动验证", "访问验证", "请完成验证", "验证码", "访问过于频繁", "请求过于频繁",
        "acw_sc__v2", "_waf_bd8ce2ce37", "aliyun_waf", "yunsuo_session", "安全狗", "创宇盾", "Safe3WAF",
        "cf-challenge", "challenge-platform", "Just a moment...", "Attention Required!",
        "请开启JavaScript", "请启用JavaScript", "enable JavaScript and cookies",
    ];

    /// <summary>The first known anti-bot marker in the page, or null. (A profile's own <c>blockedMarker</c> is checked earlier, on every body.)</summary>
    public static string? MarkerIn(ReadOnlySpan<char> text)
    {
        foreach (var marker in Markers)
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return marker;
            }
        }

        return null;
    }
}
