using System.Globalization;
using MediaMatrix.Simulator.Cast;
using MediaMatrix.Simulator.History;

namespace MediaMatrix.Simulator.Rendering;

/// <summary>
/// Dates as feeds write them, in China time. For the undated behaviour a date is either missing
/// (null) or garbage, alternating by post, so a parser meets both failures.
/// </summary>
internal static class FeedDates
{
    public const string Garbage = "日期不详";

    /// <summary>RFC 822 as RSS 2.0 wants it, with the +0800 offset RSSHub instances in China emit.</summary>
    public static string Rfc822(DateTimeOffset instant) =>
        ChinaTime.ToChina(instant).ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0800";

    public static string Rfc3339(DateTimeOffset instant) =>
        ChinaTime.ToChina(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? ForPost(SimulatedAccount account, SimulatedPost post, Func<DateTimeOffset, string> format)
    {
        if (account.Behaviour != AccountBehaviour.Undated)
        {
            return format(post.Published);
        }

        return post.Variant % 2 == 0 ? null : Garbage;
    }
}
