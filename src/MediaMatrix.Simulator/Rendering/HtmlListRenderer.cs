using System.Globalization;
using System.Net;
using System.Text;
using MediaMatrix.Simulator.Cast;
using MediaMatrix.Simulator.History;

namespace MediaMatrix.Simulator.Rendering;

/// <summary>
/// A column list page as county government CMS sites render it (the gov-list profile reads
/// <c>ul.news-list li</c>). Links are site-relative, as on those sites.
/// </summary>
internal static class HtmlListRenderer
{
    public static RenderedSource Render(RenderRequest request)
    {
        var account = request.Account;
        var gbk = account.Behaviour == AccountBehaviour.Gbk;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n");
        if (account.LateCharsetMeta)
        {
            AppendSiteMetadata(html, account);
        }

        html.Append("<meta charset=\"").Append(gbk ? "gbk" : "utf-8").Append("\">\n")
            .Append("<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\">\n")
            .Append("<title>通知公告 - ").Append(Encode(account.Name)).Append("</title>\n</head>\n<body>\n")
            .Append("<div class=\"header\"><div class=\"logo\">").Append(Encode(account.Name)).Append("</div></div>\n")
            .Append("<div class=\"main\">\n<div class=\"location\">您当前的位置：<a href=\"/sites/").Append(account.Id).Append("/\">首页</a> &gt; 通知公告</div>\n");

        if (UsesChangedLayout(request))
        {
            AppendRedesignedList(html, request);
        }
        else
        {
            AppendNewsList(html, request);
        }

        AppendNavigationPadding(html, account, gbk ? TextEncodings.Gbk : TextEncodings.Utf8);
        html.Append("<div class=\"page\">共").Append(request.Posts.Count).Append("条 首页 上一页 下一页 尾页</div>\n</div>\n")
            .Append("<div class=\"footer\">主办：").Append(Encode(account.Department)).Append("　浙ICP备00000000号</div>\n</body>\n</html>\n");

        // A GBK site rarely names its charset in the Content-Type; the meta tag is all a reader gets.
        var contentType = gbk ? "text/html" : "text/html; charset=utf-8";
        var encoding = gbk ? TextEncodings.Gbk : TextEncodings.Utf8;
        return new RenderedSource(encoding.GetBytes(html.ToString()), contentType, request.Newest);
    }

    private static bool UsesChangedLayout(RenderRequest request)
    {
        var account = request.Account;
        return account.Behaviour == AccountBehaviour.LayoutChanged
            && (request.RequestNumber > account.LayoutChangesAfterRequests || request.SinceStart >= account.LayoutChangesAfter);
    }

    private static void AppendNewsList(StringBuilder html, RenderRequest request)
    {
        html.Append("<ul class=\"news-list\">\n");
        foreach (var post in request.Posts)
        {
            html.Append("<li><a href=\"").Append(Encode(post.Link)).Append("\" title=\"").Append(Encode(post.Title))
                .Append("\" target=\"_blank\">").Append(Encode(post.Title)).Append("</a>");
            if (DateText(request.Account, post) is { } date)
            {
                html.Append("<span class=\"date\">").Append(date).Append("</span>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    /// <summary>The site after a redesign: the same posts, none of the old class names.</summary>
    private static void AppendRedesignedList(StringBuilder html, RenderRequest request)
    {
        html.Append("<div class=\"list-box\">\n");
        foreach (var post in request.Posts)
        {
            html.Append("<dl class=\"list-item\"><dt><a href=\"").Append(Encode(post.Link)).Append("\">").Append(Encode(post.Title))
                .Append("</a></dt><dd class=\"pub-time\">").Append(DateText(request.Account, post)).Append("</dd></dl>\n");
        }

        html.Append("</div>\n");
    }

    /// <summary>
    /// Keywords, description and a style block ahead of the charset: over 1 KB, past where a
    /// browser's prescan stops looking (reliability.md F7), as older CMS templates put them.
    /// The head is ASCII up to the charset, so a reader can still find it by scanning further.
    /// </summary>
    private static void AppendSiteMetadata(StringBuilder html, SimulatedAccount account)
    {
        html.Append("<meta name=\"keywords\" content=\"").Append(account.Id).Append(",government,notice,column,list\">\n")
            .Append("<meta name=\"description\" content=\"Official column list of ").Append(account.Id).Append("\">\n")
            .Append("<style type=\"text/css\">\n");
        for (var rule = 0; rule < 24; rule++)
        {
            html.Append(".news-list li.c").Append(rule).Append(" { line-height: 36px; border-bottom: 1px dashed #ccc; }\n");
        }

        html.Append("</style>\n");
    }

    /// <summary>
    /// The column tree a county portal repeats on every page, to bring the page up to the cast size
    /// (benchmark inputs, performance.md E1). Outside <c>ul.news-list</c>, so it yields no posts.
    /// </summary>
    private static void AppendNavigationPadding(StringBuilder html, SimulatedAccount account, Encoding encoding)
    {
        var missing = account.HtmlPageBytes - encoding.GetByteCount(html.ToString()) - 200;
        if (missing <= 0)
        {
            return;
        }

        html.Append("<ul class=\"site-nav\">\n");
        for (var column = 1; missing > 0; column++)
        {
            var item = $"<li><a href=\"/sites/{account.Id}/col/col{column}/index.html\" title=\"栏目{column}\">政务公开栏目{column}</a></li>\n";
            html.Append(item);
            missing -= encoding.GetByteCount(item);
        }

        html.Append("</ul>\n");
    }

    /// <summary>Date-only or with minutes, as the account is cast; the undated behaviour drops a third of the dates and garbles the rest.</summary>
    private static string? DateText(SimulatedAccount account, SimulatedPost post)
    {
        if (account.Behaviour == AccountBehaviour.Undated)
        {
            return (post.Variant % 3) switch
            {
                0 => null,
                1 => FeedDates.Garbage,
                _ => "0000-00-00",
            };
        }

        var local = ChinaTime.ToChina(post.Published);
        return local.ToString(account.ListShowsTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
