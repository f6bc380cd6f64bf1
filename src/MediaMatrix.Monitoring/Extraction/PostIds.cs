using System.IO.Hashing;
using System.Text;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// Post ids that stay the same across polls. A source's own id or link is best; failing both, a
/// hash of the title and the date text as shown. (A relative date text such as "3小时前" changes
/// between polls, so such posts can repeat; sources like that should give an id or link.)
/// </summary>
internal static class PostIds
{
    public static string Choose(string? id, string? link, string title, string? publishedText)
    {
        if (!string.IsNullOrWhiteSpace(id))
        {
            return id.Trim();
        }
        if (!string.IsNullOrWhiteSpace(link))
        {
            return link;
        }
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(title + "\n" + publishedText));
        return "h:" + hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Uri? Resolve(Uri pageUrl, string? link)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }
        var trimmed = link.Trim();
        if (trimmed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || trimmed == "#")
        {
            return null;
        }
        return Uri.TryCreate(pageUrl, trimmed, out var absolute) ? absolute : null;
    }
}
