using System.Text;

namespace MediaMatrix.Web;

/// <summary>Open alert counts per account, for the overview. Filled in when the alert store lands.</summary>
internal static class OpenAlerts
{
    public static Task<IReadOnlyDictionary<string, int>> CountsAsync(HttpContext context, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>());
}

/// <summary>The latest operator decision per account, for the cleanup board. Filled in when the decision store lands.</summary>
internal static class CleanupDecisions
{
    public static Task<IReadOnlyDictionary<string, string>> LatestAsync(HttpContext context, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}

/// <summary>The account page's alerts and decisions sections.</summary>
internal static class AccountSections
{
    public static Task AppendAsync(StringBuilder html, HttpContext context, string accountId, Lang lang, CancellationToken ct) => Task.CompletedTask;
}
