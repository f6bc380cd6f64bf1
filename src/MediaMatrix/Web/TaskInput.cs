using System.Security.Cryptography;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Web;

/// <summary>A new cluster task from a form or the API, checked field by field; the error names the field.</summary>
internal sealed record TaskInput(ClusterTask? Task, string? Error)
{
    public static TaskInput Read(string? title, string? link, string? hours, IReadOnlyList<string>? assignees, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > 200)
        {
            return new TaskInput(null, "title: required, at most 200 characters");
        }

        Uri? uri = null;
        if (!string.IsNullOrWhiteSpace(link) && (!Uri.TryCreate(link, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https")))
        {
            return new TaskInput(null, "link: must be an http(s) link");
        }

        if (!int.TryParse(hours, out var h) || h is < 1 or > 2160)
        {
            return new TaskInput(null, "hours: a whole number from 1 to 2160");
        }

        var id = "ui-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant();
        return new TaskInput(new ClusterTask(id, title.Trim(), uri, now, now.AddHours(h), assignees ?? []), null);
    }
}
