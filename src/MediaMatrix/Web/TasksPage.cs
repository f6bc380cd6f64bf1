using System.Globalization;
using System.Text;
using MediaMatrix.Access;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Web;

/// <summary>Cluster tasks: the completion grid (accounts × tasks), a form to create a task, a form to record a completion by hand.</summary>
internal static class TasksPage
{
    public static string Render(HttpContext context, CompletionMatrix grid, MatrixConfig matrix, Lang lang, string? message)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append(CultureInfo.InvariantCulture, $"<h1>{lang.T("集群协同任务", "Cluster tasks")}</h1>");
        if (message is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" role=\"alert\">{Html.E(message)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<table class=\"grid\"><thead><tr><th>{lang.T("账号", "Account")}</th>");
        foreach (var task in grid.Tasks)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<th data-task="{Html.E(task.Id)}"><a href="{Html.Href(task.Link?.ToString())}" rel="noopener noreferrer">{Html.E(task.Title)}</a><br><small>{lang.T("截止", "due")} {lang.Time(task.Deadline)}</small></th>""");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var account in matrix.Accounts.Where(a => a.Tier == Tier.Member))
        {
            html.Append(CultureInfo.InvariantCulture, $"""<tr><th><a href="{Html.Local("/accounts", account.Id)}">{Html.E(account.Name)}</a></th>""");
            foreach (var task in grid.Tasks)
            {
                var cell = grid.Cell(task.Id, account.Id);
                html.Append(cell is null ? "<td></td>" : $"<td class=\"{CssClass(cell.Status)}\">{StatusName(cell.Status, lang)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (context.User.CanOperate())
        {
            AppendForms(html, context, grid, matrix, lang);
        }

        return html.ToString();
    }

    private static void AppendForms(StringBuilder html, HttpContext context, CompletionMatrix grid, MatrixConfig matrix, Lang lang)
    {
        var members = string.Concat(matrix.Accounts.Where(a => a.Tier == Tier.Member).Select(a => $"<option value=\"{Html.E(a.Id)}\">{Html.E(a.Name)}</option>"));
        var tasks = string.Concat(grid.Tasks.Select(t => $"<option value=\"{Html.E(t.Id)}\">{Html.E(t.Title)}</option>"));
        html.Append(CultureInfo.InvariantCulture, $"""
            <div class="box"><h2>{lang.T("新建任务", "New task")}</h2>
            <form method="post" action="/tasks" id="new-task">{Layout.Token(context)}
            <p><label>{lang.T("标题", "Title")} <input name="title" required maxlength="200"></label></p>
            <p><label>{lang.T("主账号发布链接", "Head post link")} <input name="link" type="url"></label></p>
            <p><label>{lang.T("截止时间（小时后）", "Deadline (hours from now)")} <input name="hours" type="number" min="1" max="2160" value="48" required></label></p>
            <p><button type="submit">{lang.T("创建", "Create")}</button></p></form></div>
            <div class="box"><h2>{lang.T("人工标记完成", "Record a completion by hand")}</h2>
            <form method="post" action="/tasks/completions" id="manual-completion">{Layout.Token(context)}
            <p><label>{lang.T("任务", "Task")} <select name="taskId">{tasks}</select></label>
            <label>{lang.T("账号", "Account")} <select name="accountId">{members}</select></label></p>
            <p><label>{lang.T("佐证链接", "Evidence link")} <input name="evidence" type="url" required></label></p>
            <p><label>{lang.T("备注", "Note")} <input name="note" maxlength="500"></label></p>
            <p><button type="submit">{lang.T("保存", "Save")}</button></p></form></div>
            """);
    }

    public static string CssClass(CompletionStatus status) => status switch
    {
        CompletionStatus.OnTime => "ontime",
        CompletionStatus.Late => "late",
        CompletionStatus.Manual => "manual",
        _ => "missing",
    };

    public static string StatusName(CompletionStatus status, Lang lang) => status switch
    {
        CompletionStatus.OnTime => lang.T("按时", "on time"),
        CompletionStatus.Late => lang.T("逾期完成", "late"),
        CompletionStatus.Manual => lang.T("人工确认", "manual"),
        _ => lang.T("未完成", "missing"),
    };
}
