using System.Text.RegularExpressions;
using MediaMatrix.Monitoring.Matrix;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MediaMatrix.Monitoring.Content;

/// <summary>
/// Reads lexicon files (config/lexicons/README.md has the format). Every problem is collected in one pass and located as
/// file:line:column, the way the matrix config reports them: YAML syntax, unknown keys, a missing or empty wrong form, an
/// unknown severity, a missing source note, and duplicates (the same id, or the same wrong form once normalised), within
/// a file and, for <see cref="LoadFolder"/>, across the files of a folder.
/// </summary>
public static partial class LexiconLoader
{
    private static readonly string[] TopKeys = ["lexicon", "version", "entries"];
    private static readonly string[] EntryKeys = ["id", "wrong", "right", "severity", "source", "traditional"];

    // The id is part of the stored rule name (lexicon:<id>) and of every finding's id: plain and stable.
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex IdPattern();

    public static LexiconLoadResult Load(string path) => Finish(Read(path), path);

    public static LexiconLoadResult Parse(string yaml, string fileName) => Finish(ParseFile(yaml, fileName), fileName);

    /// <summary>All <c>*.yaml</c> files of <paramref name="dir"/>, by file name (ordinal), as one lexicon set.</summary>
    public static LexiconFolderResult LoadFolder(string dir)
    {
        if (!Directory.Exists(dir))
            return new LexiconFolderResult([], [new ConfigError(dir, 0, 0, "", $"lexicon folder not found (looked for {Path.GetFullPath(dir)})")]);

        var files = Directory.GetFiles(dir, "*.yaml").Order(StringComparer.Ordinal).ToList();
        var lexicons = new List<Lexicon>();
        var errors = new List<ConfigError>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var wrongs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var parsed = Read(file);
            errors.AddRange(parsed.Errors);
            foreach (var place in parsed.Places)
            {
                // Within a file the parse already reported it; across files the later file names the earlier one.
                if (ids.TryGetValue(place.Entry.Id, out var firstId) && !firstId.StartsWith(file + ":", StringComparison.Ordinal))
                    errors.Add(new ConfigError(file, place.Line, place.Column, place.Field, $"duplicate id {ConfigText.Quote(place.Entry.Id)} (first at {firstId})"));
                else
                    ids.TryAdd(place.Entry.Id, $"{file}:{place.Line}");

                var wrong = ContentText.Normalize(place.Entry.Wrong);
                if (wrongs.TryGetValue(wrong, out var firstWrong) && !firstWrong.StartsWith(file + ":", StringComparison.Ordinal))
                    errors.Add(new ConfigError(file, place.Line, place.Column, place.Field, $"duplicate wrong form {ConfigText.Quote(wrong)} (first at {firstWrong})"));
                else
                    wrongs.TryAdd(wrong, $"{file}:{place.Line}");
            }

            if (parsed.Lexicon is not null)
                lexicons.Add(parsed.Lexicon);
        }

        return errors.Count == 0 ? new LexiconFolderResult(lexicons, []) : new LexiconFolderResult([], errors);
    }

    private static LexiconLoadResult Finish(ParsedFile parsed, string file) =>
        parsed.Lexicon is not null && parsed.Errors.Count == 0 ? LexiconLoadResult.Valid(parsed.Lexicon)
        : LexiconLoadResult.Invalid(parsed.Errors.Count > 0 ? parsed.Errors : [new ConfigError(file, 0, 0, "", "no lexicon read")]);

    private static ParsedFile Read(string path) =>
        ConfigFiles.ReadText(path, "lexicon file", out var error, kind: "lexicon") is { } text ? ParseFile(text, path) : ParsedFile.Failed(error!);

    private static ParsedFile ParseFile(string yaml, string fileName)
    {
        var reader = new ConfigReader(fileName);
        var places = new List<EntryPlace>();
        var lexicon = ReadLexicon(yaml, reader, places);
        var errors = reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        return new ParsedFile(errors.Count == 0 ? lexicon : null, errors, places);
    }

    private static Lexicon? ReadLexicon(string yaml, ConfigReader reader, List<EntryPlace> places)
    {
        var root = ConfigYaml.Parse(yaml, reader);
        if (root is null || reader.Section(root, "", TopKeys) is not { } top)
            return null;

        var name = reader.Text(top, "lexicon", required: true);
        var version = reader.Text(top, "version", required: true);
        if (top.Find("entries") is not { } entriesNode)
        {
            reader.ReportMissing(top, "entries");
            return null;
        }

        if (entriesNode is not YamlSequenceNode list || list.Children.Count == 0)
        {
            reader.Report(entriesNode.Start, "entries", "expected a list of entries (- id: …, wrong: …)");
            return null;
        }

        var entries = new List<LexiconEntry>();
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        var wrongs = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var field = $"entries[{i}]";
            if (reader.Section(list.Children[i], field, EntryKeys) is not { } section
                || ReadEntry(reader, section) is not { } entry)
                continue;

            var at = section.Start;
            if (!ids.TryAdd(entry.Id, at.Line))
                reader.Report(section.Node("id").Start, section.Field("id"), $"duplicate id {ConfigText.Quote(entry.Id)} (first at line {ids[entry.Id]})");
            var wrong = ContentText.Normalize(entry.Wrong);
            if (!wrongs.TryAdd(wrong, at.Line))
                reader.Report(section.Node("wrong").Start, section.Field("wrong"), $"duplicate wrong form {ConfigText.Quote(wrong)} (first at line {wrongs[wrong]})");

            entries.Add(entry);
            places.Add(new EntryPlace(entry, (int)at.Line, (int)at.Column, field));
        }

        return name is null || version is null ? null : new Lexicon(name, version, entries);
    }

    private static LexiconEntry? ReadEntry(ConfigReader reader, ConfigSection section)
    {
        var id = reader.Text(section, "id", required: true);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            reader.Report(section.Node("id").Start, section.Field("id"), $"{ConfigText.Quote(id)} is no id: use lower-case letters, digits, '-', '_' and '.'");
            id = null;
        }

        var wrong = reader.Text(section, "wrong", required: true);
        if (wrong is not null && ContentText.Normalize(wrong).Trim().Length == 0)
        {
            reader.Report(section.Node("wrong").Start, section.Field("wrong"), "the wrong form is empty (once format characters and spaces are left out)");
            wrong = null;
        }

        var right = reader.Text(section, "right", required: false);
        if (wrong is not null && right is not null && ContentText.Normalize(right) == ContentText.Normalize(wrong))
        {
            reader.Report(section.Node("right").Start, section.Field("right"), "the right form is the wrong form: the entry could never fire");
            right = null;
        }

        var severity = reader.Choice<Content.ContentSeverity>(section, "severity", "severity");
        var source = reader.Text(section, "source", required: true);
        if (source is not null && source.Trim().Length == 0)
        {
            reader.Report(section.Node("source").Start, section.Field("source"), "a source note is required: where the rule comes from");
            source = null;
        }

        var traditional = reader.Flag(section, "traditional") ?? false;
        return id is null || wrong is null || severity is null || source is null
            ? null
            : new LexiconEntry(id, wrong, right, severity.Value, source.Trim(), traditional);
    }

    /// <summary>An entry and where it is written, for the duplicate checks across files.</summary>
    private sealed record EntryPlace(LexiconEntry Entry, int Line, int Column, string Field);

    private sealed record ParsedFile(Lexicon? Lexicon, IReadOnlyList<ConfigError> Errors, IReadOnlyList<EntryPlace> Places)
    {
        public static ParsedFile Failed(ConfigError error) => new(null, [error], []);
    }
}
