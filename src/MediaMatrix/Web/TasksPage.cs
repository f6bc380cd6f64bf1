using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Web;

/// <summary>The CSS class of a completion cell (the grid on Pages/Tasks.razor and the account page's task table).</summary>
internal static class TasksPage
{
    public static string CssClass(CompletionStatus status) => status switch
    {
        CompletionStatus.OnTime => "ontime",
        CompletionStatus.Late => "late",
        CompletionStatus.Manual => "manual",
        _ => "missing",
    };
}
