using MediaMatrix.Monitoring.Alerts;

namespace MediaMatrix.Web;

/// <summary>The alerts queue's order, shared by the page (Pages/Alerts.razor), the account page and the API.</summary>
internal static class AlertsPage
{
    /// <summary>Most severe first, then newest.</summary>
    public static IEnumerable<Alert> Queue(IEnumerable<Alert> open) => open.OrderByDescending(a => a.Severity).ThenByDescending(a => a.OpenedAt);
}
