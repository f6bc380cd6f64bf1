using System.Text;
using System.Text.RegularExpressions;

namespace MediaMatrix.IntegrationTests.Deployment;

/// <summary>A Dockerfile read into instructions: comments dropped, backslash continuations joined, grouped by stage.</summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<Stage> stages) => Stages = stages;

    public IReadOnlyList<Stage> Stages { get; }

    public Stage Final => Stages[^1];

    public static Dockerfile Parse(string text)
    {
        var stages = new List<Stage>();
        var current = new StringBuilder();
        var startLine = 0;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('#') || (current.Length == 0 && trimmed.Length == 0))
            {
                continue;
            }

            if (current.Length == 0)
            {
                startLine = i + 1;
            }

            if (line.TrimEnd().EndsWith('\\'))
            {
                current.Append(line.TrimEnd()[..^1]).Append(' ');
                continue;
            }

            current.Append(line);
            Add(stages, current.ToString().Trim(), startLine);
            current.Clear();
        }

        if (current.Length > 0)
        {
            Add(stages, current.ToString().Trim(), startLine);
        }

        return new Dockerfile(stages);
    }

    private static void Add(List<Stage> stages, string text, int line)
    {
        var space = text.IndexOfAny([' ', '\t']);
        var keyword = (space < 0 ? text : text[..space]).ToUpperInvariant();
        var args = space < 0 ? string.Empty : text[(space + 1)..].Trim();
        var instruction = new Instruction(keyword, args, line);
        if (keyword == "FROM")
        {
            var m = FromRegex().Match(args);
            stages.Add(new Stage(m.Groups["image"].Value, m.Groups["name"].Success ? m.Groups["name"].Value : null, [instruction]));
            return;
        }

        if (stages.Count == 0)
        {
            throw new FormatException($"line {line}: {keyword} before the first FROM");
        }

        stages[^1].Instructions.Add(instruction);
    }

    [GeneratedRegex(@"^(?:--platform=\S+\s+)?(?<image>\S+)(?:\s+AS\s+(?<name>\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex FromRegex();

    public sealed record Stage(string Image, string? Name, List<Instruction> Instructions)
    {
        public IEnumerable<Instruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);
    }

    /// <summary>One instruction; <see cref="Words"/> splits the arguments, JSON (exec) form or shell words.</summary>
    public sealed record Instruction(string Keyword, string Args, int Line)
    {
        public IReadOnlyList<string> Words =>
            Args.StartsWith('[')
                ? System.Text.Json.JsonSerializer.Deserialize<string[]>(Args) ?? []
                : Args.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

        /// <summary>COPY/ADD: the flags (<c>--from=build</c>), the sources and the destination.</summary>
        public (IReadOnlyDictionary<string, string> Flags, IReadOnlyList<string> Sources, string Destination) CopyParts()
        {
            var words = Words;
            var flags = words.TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal))
                .Select(w => w[2..].Split('=', 2))
                .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);
            var rest = words.Skip(flags.Count).ToList();
            return (flags, rest.Take(rest.Count - 1).ToList(), rest[^1]);
        }

        /// <summary>ENV in the <c>key=value key=value</c> form.</summary>
        public IEnumerable<KeyValuePair<string, string>> EnvPairs() =>
            Words.Select(w => w.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p.Length > 1 ? p[1] : string.Empty));
    }
}
