namespace MediaMatrix.Monitoring.Matrix;

/// <summary>The names operators use for each platform, in both languages.</summary>
public static class Platforms
{
    public static string Zh(Platform platform) => platform switch
    {
        Platform.Wechat => "微信公众号",
        Platform.Weibo => "微博",
        Platform.Douyin => "抖音",
        Platform.Toutiao => "今日头条",
        Platform.Kuaishou => "快手",
        Platform.Bilibili => "哔哩哔哩",
        Platform.App => "客户端",
        Platform.Website => "网站",
        _ => "其他",
    };

    public static string En(Platform platform) => platform switch
    {
        Platform.Wechat => "WeChat",
        Platform.Weibo => "Weibo",
        Platform.Douyin => "Douyin",
        Platform.Toutiao => "Toutiao",
        Platform.Kuaishou => "Kuaishou",
        Platform.Bilibili => "Bilibili",
        Platform.App => "app",
        Platform.Website => "website",
        _ => "other",
    };
}
