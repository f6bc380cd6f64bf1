using System.Globalization;
using System.Text.RegularExpressions;
using MediaMatrix.Monitoring.Tasks;
using YamlDotNet.RepresentationModel;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// Reads the <c>tasks:</c> list (cluster tasks written by hand) and checks what only the whole file can tell:
/// unique task ids, assignees that are members of this matrix, a deadline after the issue time.
/// </summary>
internal static partial class TaskReader
{
    private static readonly string[] Keys = ["id", "title", "link", "issued", "deadline", "assignees"];

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex IdPattern();

    // 2026-12-01T09:00:00+08:00, 2026-12-01 09:00 (read in the matrix time zone), …Z; seconds optional.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?<offset>Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex TimestampPattern();

    public static List<ClusterTask> Read(ConfigSection top, ConfigReader reader, DeclaredAccounts accounts, TimeZoneInfo timeZone)
    {
        var tasks = new List<ClusterTask>();
        var node = top.Find("tasks");
        // "tasks:" with nothing under it is a matrix with no tasks yet, not a mistake.
        if (node is null || ConfigReader.IsNull(node))
            return tasks;

        if (node is not YamlSequenceNode list)
        {
            reader.Report(node.Start, "tasks", "expected a list of tasks");
            return tasks;
        }

        var firstLineOfId = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var section = reader.Section(list.Children[i], $"tasks[{i}]", Keys);
            if (section is null)
                continue;

            var id = ReadId(section, reader, firstLineOfId);
            var title = ReadTitle(section, reader);
            var link = ReadLink(section, reader);
            var issued = ReadTimestamp(section, "issued", reader, timeZone);
            var deadline = ReadTimestamp(section, "deadline", reader, timeZone);
            var assignees = ReadAssignees(section, reader, accounts);

            if (issued is { } from && deadline is { } to && to <= from)
            {
                reader.Report(section.Node("deadline").Start, section.Field("deadline"),
                    $"the deadline {to:yyyy-MM-dd HH:mm zzz} is not after issued {from:yyyy-MM-dd HH:mm zzz}");
                deadline = null;
            }

            if (id is not null && title is not null && link.Ok && issued is { } i1 && deadline is { } d1 && assignees is not null)
                tasks.Add(new ClusterTask(id, title, link.Url, i1, d1, assignees));
        }

        return tasks;
    }

    /// <summary>
    /// The <c>assignees</c> list of a task or rule: member account ids, each once. Absent or empty means every
    /// member. Null after reporting a problem.
    /// </summary>
    public static IReadOnlyList<string>? ReadAssignees(ConfigSection section, ConfigReader reader, DeclaredAccounts accounts)
    {
        var names = reader.TextList(section, "assignees");
        if (names is null)
            return section.Has("assignees") && !ConfigReader.IsNull(section.Node("assignees")) ? null : [];

        var items = ((YamlSequenceNode)section.Node("assignees")).Children;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < names.Count; i++)
        {
            if (TaskRules.AssigneeProblem(names[i], accounts, seen) is not { } problem)
                continue;
            reader.Report(items[i].Start, $"{section.Field("assignees")}[{i}]", problem);
            ok = false;
        }

        return ok ? names : null;
    }

    private static string? ReadId(ConfigSection section, ConfigReader reader, Dictionary<string, long> firstLineOfId)
    {
        var id = reader.Text(section, "id", required: true);
        if (id is null)
            return null;

        var at = section.Node("id").Start;
        string? problem = null;
        if (!IdPattern().IsMatch(id))
            problem = $"{ConfigText.Quote(id)} is not a valid id: use 1-64 characters a-z, 0-9 and '-'";
        else if (id.StartsWith(KeywordRules.IdPrefix, StringComparison.Ordinal))
            problem = $"ids starting with '{KeywordRules.IdPrefix}' are kept for tasks made by rules";
        else if (firstLineOfId.TryGetValue(id, out var firstLine))
            problem = $"duplicate task id {ConfigText.Quote(id)} (first used on line {firstLine})";
        else
            firstLineOfId[id] = at.Line;

        if (problem is null)
            return id;
        reader.Report(at, section.Field("id"), problem);
        return null;
    }

    /// <summary>The head post's address: optional (a task issued on paper has none), but when given, an absolute http(s) URL.</summary>
    private static (bool Ok, Uri? Url) ReadLink(ConfigSection section, ConfigReader reader)
    {
        var text = reader.Text(section, "link", required: false);
        if (text is null)
            return (!section.Has("link") || ConfigReader.IsNull(section.Node("link")), null);

        if (TaskRules.LinkProblem(text, out var url) is not { } problem)
            return (true, url);

        reader.Report(section.Node("link").Start, section.Field("link"), problem);
        return (false, null);
    }

    private static string? ReadTitle(ConfigSection section, ConfigReader reader)
    {
        var title = reader.Text(section, "title", required: true);
        if (title is null || TaskRules.TitleProblem(title) is not { } problem)
            return title;

        reader.Report(section.Node("title").Start, section.Field("title"), problem);
        return null;
    }

    private static DateTimeOffset? ReadTimestamp(ConfigSection section, string key, ConfigReader reader, TimeZoneInfo timeZone)
    {
        var text = reader.Text(section, key, required: true);
        if (text is null)
            return null;

        var match = TimestampPattern().Match(text);
        if (match.Success && match.Groups["offset"].Success
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            return withOffset;

        // Without an offset the time is the matrix's local time, as an operator in the county would read it.
        if (match.Success && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, timeZone.GetUtcOffset(local));

        reader.Report(section.Node(key).Start, section.Field(key), $"{ConfigText.Quote(text)} is not a date and time; write e.g. 2026-12-01T09:00:00+08:00");
        return null;
    }
}
