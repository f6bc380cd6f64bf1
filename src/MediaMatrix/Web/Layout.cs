using System.Text;
using MediaMatrix.Access;
using Microsoft.AspNetCore.Antiforgery;

namespace MediaMatrix.Web;

/// <summary>The frame around every page: navigation, language switch, who is logged in. CSS and JS come from /static (the CSP forbids inline script).</summary>
internal static class Layout
{
    public static IResult Page(HttpContext context, Lang lang, string title, string body, int status = 200)
    {
        var user = context.User;
        var html = new StringBuilder(body.Length + 2048);
        html.Append($"""
            <!DOCTYPE html>
            <html lang="{lang.Code}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Html.E(title)} · MediaMatrix</title><link rel="stylesheet" href="/static/app.css"><script src="/static/app.js" defer></script></head>
            <body><header><nav><strong>MediaMatrix</strong>
            """);
        if (user.Identity?.IsAuthenticated == true)
        {
            html.Append($"""
                <a href="/">{lang.T("矩阵总览", "Overview")}</a><a href="/alerts">{lang.T("告警", "Alerts")}</a>
                <a href="/cleanup">{lang.T("清理看板", "Cleanup")}</a><a href="/tasks">{lang.T("集群任务", "Tasks")}</a>
                <a href="/reports">{lang.T("报告", "Reports")}</a>
                <span class="who">{Html.E(user.Identity.Name)} ({Html.E(user.IsInRole("admin") ? "admin" : user.CanOperate() ? "operator" : "viewer")})</span>
                <form method="post" action="/logout" class="inline">{Token(context)}<button type="submit">{lang.T("退出", "Log out")}</button></form>
                """);
        }

        html.Append($"""<a href="?lang={(lang.English ? "zh" : "en")}">{(lang.English ? "中文" : "English")}</a></nav></header><main>""");
        html.Append(body);
        var now = context.RequestServices.GetService<TimeProvider>()?.GetUtcNow() ?? DateTimeOffset.UnixEpoch;
        // Every page says which rules judged what it shows (issue 14): the pack, its version and the matrix's overrides.
        var pack = context.RequestServices.GetService<Monitoring.Assessment.AssessmentOptions>()?.Pack;
        var rules = pack is null ? "" : $"""<span class="pack">{lang.T("检查规则", "Rule pack")}: {Html.E(lang.English ? pack.TitleEn : pack.Title)} ({Html.E(pack.Label)})</span> · """;
        html.Append($"""</main><footer class="zone">{rules}{Html.E(lang.ZoneNote(now))}</footer></body></html>""");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The hidden antiforgery field every form carries (reliability A2).</summary>
    public static string Token(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"""<input type="hidden" name="{Html.E(tokens.FormFieldName)}" value="{Html.E(tokens.RequestToken)}">""";
    }
}
