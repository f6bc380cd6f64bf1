using MediaMatrix.Monitoring.Tasks;
using YamlDotNet.RepresentationModel;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>Reads the <c>taskRules:</c> list: keyword rules that turn matching head posts into cluster tasks.</summary>
// Not the top-level "rules:" key: that stays reserved for the rubric's numbers (dormantAfter …), a mapping.
internal static class RuleReader
{
    private static readonly string[] Keys = ["keywords", "deadlineAfter", "assignees"];

    public static List<KeywordRule> Read(ConfigSection top, ConfigReader reader, DeclaredAccounts accounts)
    {
        var rules = new List<KeywordRule>();
        var node = top.Find("taskRules");
        if (node is null || ConfigReader.IsNull(node))
            return rules;

        if (node is not YamlSequenceNode list)
        {
            reader.Report(node.Start, "taskRules", "expected a list of keyword rules");
            return rules;
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            var section = reader.Section(list.Children[i], $"taskRules[{i}]", Keys);
            if (section is null)
                continue;

            var keywords = ReadKeywords(section, reader);
            var deadlineAfter = reader.Duration(section, "deadlineAfter");
            if (!section.Has("deadlineAfter"))
                reader.ReportMissing(section, "deadlineAfter");
            var assignees = TaskReader.ReadAssignees(section, reader, accounts);

            if (keywords is not null && deadlineAfter is { } after && assignees is not null)
                rules.Add(new KeywordRule(keywords, after, assignees));
        }

        return rules;
    }

    private static IReadOnlyList<string>? ReadKeywords(ConfigSection section, ConfigReader reader)
    {
        if (!section.Has("keywords"))
        {
            reader.ReportMissing(section, "keywords");
            return null;
        }

        var keywords = reader.TextList(section, "keywords");
        if (keywords is null)
        {
            if (ConfigReader.IsNull(section.Node("keywords")))
                reader.Report(section.Node("keywords").Start, section.Field("keywords"), "a rule needs at least one keyword");
            return null;
        }

        // An empty keyword is contained in every title: the rule would turn every head post into a task.
        var items = ((YamlSequenceNode)section.Node("keywords")).Children;
        if (keywords.Count == 0)
            reader.Report(items.Count > 0 ? items[0].Start : section.Node("keywords").Start, section.Field("keywords"), "a rule needs at least one keyword");
        for (var i = 0; i < keywords.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(keywords[i]))
                reader.Report(items[i].Start, $"{section.Field("keywords")}[{i}]", "a keyword cannot be blank: it would match every head post");
        }

        return keywords.Count > 0 && keywords.All(k => !string.IsNullOrWhiteSpace(k)) ? keywords : null;
    }
}
