using System.Text;
using System.Text.RegularExpressions;

namespace MediaMatrix.IntegrationTests.Deployment;

/// <summary>
/// What can be learnt about a Helm template without helm: its Go template actions, the values it reads,
/// and the YAML skeleton left when every action is taken out.
/// </summary>
internal static partial class HelmTemplate
{
    /// <summary>The scalar that stands for an action written inside a line of YAML.</summary>
    public const string Placeholder = "x";

    private const char Mark = '\u0001';

    /// <summary>One <c>{{ ... }}</c> action, comments (<c>{{/* ... */}}</c>) included; it may span lines.</summary>
    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline)]
    public static partial Regex Action();

    /// <summary><c>.Values.a.b.c</c>, also as <c>$.Values.a.b.c</c>.</summary>
    [GeneratedRegex(@"\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)")]
    private static partial Regex ValuesPath();

    [GeneratedRegex(@"^\{\{-?\s*(if|range|with|define|block)\b")]
    private static partial Regex Opener();

    [GeneratedRegex(@"^\{\{-?\s*end\s*-?\}\}$")]
    private static partial Regex End();

    /// <summary>
    /// The YAML skeleton: a line that holds only actions (control flow, <c>toYaml | nindent</c>, comments) is dropped;
    /// an action inside a line of text becomes the placeholder scalar. Both branches of an if/else stay, which is
    /// fine for checking that the text around the actions is well-formed.
    /// </summary>
    public static string Strip(string template)
    {
        // Multi-line actions collapse to one mark, so the lines they spanned disappear with it.
        var marked = Action().Replace(template, Mark.ToString());
        var output = new StringBuilder();
        foreach (var line in marked.Split('\n'))
        {
            if (line.Contains(Mark, StringComparison.Ordinal) && line.Replace(Mark.ToString(), string.Empty, StringComparison.Ordinal).Trim().Length == 0)
            {
                continue;
            }

            output.Append(line.Replace(Mark.ToString(), Placeholder, StringComparison.Ordinal)).Append('\n');
        }

        return output.ToString();
    }

    /// <summary>Every values path a template reads, such as <c>ingress.tls</c>.</summary>
    public static IEnumerable<string> ValuesPaths(string template) =>
        Action().Matches(template)
            .SelectMany(action => ValuesPath().Matches(action.Value))
            .Select(m => m.Groups[1].Value.TrimStart('.'))
            .Distinct(StringComparer.Ordinal);

    /// <summary>Opened blocks (if/range/with/define/block) minus <c>end</c>s; 0 when balanced.</summary>
    public static int BlockBalance(string template)
    {
        var balance = 0;
        foreach (Match action in Action().Matches(template))
        {
            if (action.Value.StartsWith("{{/*", StringComparison.Ordinal) || action.Value.StartsWith("{{- /*", StringComparison.Ordinal))
            {
                continue;
            }

            if (Opener().IsMatch(action.Value))
            {
                balance++;
            }
            else if (End().IsMatch(action.Value))
            {
                balance--;
                if (balance < 0)
                {
                    return balance;
                }
            }
        }

        return balance;
    }
}
