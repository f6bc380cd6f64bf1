using System.Globalization;
using System.Text;
using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Tasks;
using MediaMatrix.Monitoring.Fetching;
using Microsoft.Extensions.Localization;

namespace MediaMatrix.Web;

/// <summary>One account: verdict and breakdown with reasons, score history, collection health, posts, tasks.
/// Alerts and decisions are appended by their own sections.</summary>
internal static class AccountPage
{
    public static StringBuilder Render(Account account, Evaluation e, IReadOnlyList<EvaluationRecord> history, double weakThreshold,
        PollState? poll, IReadOnlyList<Post> posts, IReadOnlyList<(ClusterTask Task, TaskCompletion Cell)> tasks, Lang lang, IStringLocalizer l)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append(CultureInfo.InvariantCulture, $"""
            <h1>{Html.E(account.Name)} <small>{Html.E(account.Id)} · {Html.E(account.Department)} · {Html.E(l[Labels.Platform(account.Platform)])}</small></h1>
            <p class="summary"><span class="{e.Verdict.ToString().ToLowerInvariant()}">{lang.Verdict(e.Verdict)}</span>
            <span>{lang.T("得分", "Score")} {Html.Num(e.Score, "0.#")}</span><span>{lang.T("等级", "Grade")} {e.Grade?.ToString() ?? "—"}</span>
            <span>{lang.T("处置建议", "Proposed")} {lang.Disposition(e.Disposition?.Kind)}</span>
            {(e.Weak ? $"<span class=\"unqualified\">{lang.T("弱运营", "Weak")}</span>" : "")}{(e.Zombie ? $"<span class=\"unqualified\">{lang.T("僵尸", "Zombie")}</span>" : "")}{(e.Dormant ? $"<span class=\"unqualified\">{lang.T("休眠", "Dormant")}</span>" : "")}
            {(e.Verdict != Verdict.Unknown ? $"<span class=\"tier\">{lang.T("更新状态", "Upkeep")}: {Html.E(l[Labels.Dormancy(e.Dormancy)])}</span>" : "")}</p>
            <p><a href="{Html.Href(account.Source.Url.ToString())}" rel="noopener noreferrer">{lang.T("采集源", "Source")}</a></p>
            <h2>{lang.T("得分构成与原因", "Score breakdown and reasons")}</h2>
            <table class="parts"><thead><tr><th>{lang.T("部分", "Part")}</th><th>{lang.T("得分", "Score")}</th><th>{lang.T("权重", "Weight")}</th><th>{lang.T("计入", "Counted")}</th></tr></thead><tbody>
            """);
        foreach (var part in e.Parts)
        {
            var name = Html.E(l[Labels.ScorePartName(part.Name)]);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{name}</td><td>{Html.Num(part.Score, "0.#")}</td><td>{part.EffectiveWeight:0.##}</td><td>{(part.Counted ? "✓" : "—")}</td></tr>");
        }

        html.Append("</tbody></table><ul class=\"reasons\">");
        foreach (var reason in e.Reasons.Concat(e.Warnings).Concat(e.Disposition?.Reasons ?? []))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{lang.Reason(reason)}</li>");
        }

        html.Append("</ul>");
        AppendEvidence(html, e.Evidence, lang);
        AppendContext(html, posts, lang);
        html.Append(CultureInfo.InvariantCulture, $"<h2>{lang.T("得分走势（虚线为弱运营阈值）", "Score history (dashed: weak threshold)")}</h2>");
        html.Append(Charts.ScoreHistory(history, weakThreshold, lang.T("得分走势", "Score history"), lang.T("暂无已保存的检查记录", "No stored evaluations yet")));
        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>{lang.T("采集状态", "Collection health")}</h2>
            <table class="poll"><tbody>
            <tr><th>{lang.T("上次尝试", "Last attempt")}</th><td>{lang.Time(poll?.LastAttemptAt)}</td></tr>
            <tr><th>{lang.T("上次成功", "Last success")}</th><td>{lang.Time(poll?.LastSuccessAt)}</td></tr>
            <tr><th>{lang.T("连续失败", "Consecutive failures")}</th><td>{poll?.ConsecutiveFailures ?? 0}</td></tr>
            <tr><th>{lang.T("丢弃的不可读条目", "Unreadable items dropped")}</th><td>{poll?.LastDroppedCount ?? 0}</td></tr>
            <tr><th>{lang.T("最近错误", "Last error")}</th><td><span translate="no">{Html.E(poll?.LastError ?? "—")}</span> <small>{(poll?.LastErrorClass is { } error and not FetchErrorClass.None ? Html.E(l[Labels.ErrorClass(error)]) : "")}</small></td></tr>
            <tr><th>{lang.T("上次读取条目", "Items last read")}</th><td>{poll?.LastItemCount ?? 0} <small>{lang.T("无日期", "undated")} {poll?.LastUndatedCount ?? 0} · {lang.T("标题过长已截断", "titles cut")} {poll?.LastTitlesCut ?? 0}</small></td></tr>
            <tr><th>{lang.T("下次采集", "Next poll")}</th><td>{lang.Time(poll?.NextDueAt)}</td></tr>
            </tbody></table>
            <h2>{lang.T("集群协同任务", "Cluster tasks")}</h2>
            <table class="tasks"><tbody>
            """);
        foreach (var (task, cell) in tasks)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.E(task.Title)}</td><td>{lang.Time(task.Deadline)}</td><td class=\"{TasksPage.CssClass(cell.Status)}\">{TasksPage.StatusName(cell.Status, lang)}</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</tbody></table><h2>{lang.T("发布时间线（近30天）", "Posts (last 30 days)")}</h2><ol class=\"timeline\">");
        foreach (var post in posts.Take(200))
        {
            html.Append(CultureInfo.InvariantCulture, $"""<li><time>{lang.Time(post.PublishedAt)}</time> <a href="{Html.Href(post.Link)}" rel="noopener noreferrer nofollow" translate="no">{Html.E(post.Title)}</a></li>""");
        }

        html.Append("</ol>");
        return html;
    }

    // Figures of popularity a source shows are context only, and labelled so: since December 2023 follows, likes, reposts and
    // comments must not be a basis of assessment, and no part of the score reads them.
    private static void AppendContext(StringBuilder html, IReadOnlyList<Post> posts, Lang lang)
    {
        var shown = posts.Where(p => p.Metrics is { IsEmpty: false }).ToList();
        if (shown.Count == 0)
            return;

        var followers = shown.Select(p => p.Metrics!.Followers).FirstOrDefault(f => f is not null);
        var reads = shown.Select(p => p.Metrics!.Reads).OfType<long>().Order().ToList();
        var likes = shown.Select(p => p.Metrics!.Likes).OfType<long>().Sum();
        var comments = shown.Select(p => p.Metrics!.Comments).OfType<long>().Sum();
        html.Append(CultureInfo.InvariantCulture, $"""
            <section class="context" aria-labelledby="context-h"><h2 id="context-h">{lang.T("平台公开数据（仅供参考，不计入考核）", "Figures the platform shows (context only, not assessed)")}</h2>
            <p class="note">{lang.T("依据中央网络安全和信息化委员会《关于防治“指尖上的形式主义”的若干意见》，关注、点赞、转发、评论数不作为考核评价依据。", "Under the 2023 opinions on “fingertip formalism”, follows, likes, reposts and comments are no basis of assessment.")}</p>
            <dl><dt>{lang.T("粉丝数", "Followers")}</dt><dd>{(followers is { } f ? f.ToString("N0", CultureInfo.InvariantCulture) : "—")}</dd>
            <dt>{lang.T("阅读量中位数", "Median reads")}</dt><dd>{(reads.Count > 0 ? reads[reads.Count / 2].ToString("N0", CultureInfo.InvariantCulture) : "—")}</dd>
            <dt>{lang.T("点赞 / 评论（所列发布信息合计）", "Likes / comments (posts listed)")}</dt><dd>{likes.ToString("N0", CultureInfo.InvariantCulture)} / {comments.ToString("N0", CultureInfo.InvariantCulture)}</dd></dl></section>
            """);
    }

    // What the verdict rests on, as an inspector asks for it: the 检查时更新日期 with the post behind it, the last read,
    // and the findings that vetoed.
    private static void AppendEvidence(StringBuilder html, Evidence? evidence, Lang lang)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"evidence\" aria-labelledby=\"evidence-h\"><h2 id=\"evidence-h\">{lang.T("检查依据", "Evidence")}</h2><dl>");
        var newest = evidence?.Newest;
        html.Append(CultureInfo.InvariantCulture, $"<dt>{lang.T("检查时更新日期", "Last update at check time")}</dt><dd>");
        if (newest is null)
        {
            html.Append(lang.T("无可确认日期的发布信息", "no post with a readable date"));
        }
        else
        {
            var when = newest.Precision == DatePrecision.Day ? lang.Day(newest.PublishedAt) + lang.T("（仅日期）", " (date only)") : lang.Time(newest.PublishedAt);
            var title = Html.E(newest.Title);
            html.Append(CultureInfo.InvariantCulture, $"<time>{when}</time> ");
            html.Append(newest.Link is { } link ? $"""<a href="{Html.Href(link)}" rel="noopener noreferrer nofollow" translate="no">{title}</a>""" : $"""<span translate="no">{title}</span>""");
        }

        html.Append(CultureInfo.InvariantCulture, $"</dd><dt>{lang.T("最近成功采集", "Last successful read")}</dt><dd>{(evidence?.LastReadAt is { } read ? lang.Time(read) : lang.T("从未成功", "never"))}</dd>");
        if (evidence is { FindingIds.Count: > 0 } vetoed)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>{lang.T("否决依据的发现", "Findings that veto")}</dt><dd>{Html.E(string.Join("、", vetoed.FindingIds))}</dd>");
        }

        html.Append("</dl></section>");
    }
}
