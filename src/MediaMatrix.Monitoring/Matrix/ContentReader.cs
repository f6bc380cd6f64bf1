using MediaMatrix.Monitoring.Content;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// Reads the <c>content:</c> section: which checks run, the numbers published on purpose, the denied hosts, and the
/// lexicons (the shipped starter unless <c>starter: false</c>, plus each listed file or folder of <c>*.yaml</c>, relative
/// to the matrix file). A lexicon's own mistakes are reported at its file, line and column, as the matrix file's are.
/// </summary>
internal static class ContentReader
{
    private static readonly string[] Keys = ["enabled", "starter", "lexicons", "allowedNumbers", "deniedHosts", "checks", "excerptRadius"];

    private static readonly string[] Checks = ["lexicon", "privacy", "links"];

    public static ContentSettings Read(ConfigSection top, ConfigReader reader, string matrixFile)
    {
        var node = top.Find("content");
        if (node is null || ConfigReader.IsNull(node))
            return ContentSettings.Default;

        var section = reader.Section(node, "content", Keys);
        if (section is null)
            return ContentSettings.Default;

        var enabled = reader.Flag(section, "enabled") ?? true;
        var lexicons = new List<Lexicon>();
        if (reader.Flag(section, "starter") ?? true)
            lexicons.Add(ContentSettings.Starter);

        var baseDir = Path.GetDirectoryName(Path.GetFullPath(matrixFile)) ?? ".";
        foreach (var path in reader.TextList(section, "lexicons") ?? [])
        {
            var full = Path.Combine(baseDir, path);
            if (Directory.Exists(full))
            {
                var folder = LexiconLoader.LoadFolder(full);
                foreach (var error in folder.Errors)
                    reader.Add(error);
                lexicons.AddRange(folder.Lexicons);
            }
            else if (File.Exists(full))
            {
                var file = LexiconLoader.Load(full);
                foreach (var error in file.Errors)
                    reader.Add(error);
                if (file.Lexicon is { } lexicon)
                    lexicons.Add(lexicon);
            }
            else
            {
                reader.Report(section.Node("lexicons").Start, section.Field("lexicons"), $"no lexicon file or folder {ConfigText.Quote(path)} (looked for {full})");
            }
        }

        var checks = reader.TextList(section, "checks") ?? Checks;
        foreach (var unknown in checks.Except(Checks, StringComparer.Ordinal))
            reader.Report(section.Node("checks").Start, section.Field("checks"), $"unknown check {ConfigText.Quote(unknown)} (use {string.Join(", ", Checks)})");

        var radius = reader.Integer(section, "excerptRadius") ?? 40;
        if (radius is < 0 or > 1_000)
            reader.Report(section.Node("excerptRadius").Start, section.Field("excerptRadius"), "must be from 0 to 1000");

        var rules = new ContentRules
        {
            AllowedNumbers = reader.TextList(section, "allowedNumbers") ?? [],
            DeniedHosts = reader.TextList(section, "deniedHosts") ?? [],
            CheckLexicon = checks.Contains("lexicon"),
            CheckPrivacy = checks.Contains("privacy"),
            CheckLinks = checks.Contains("links"),
            ExcerptRadius = Math.Clamp(radius, 0, 1_000),
        };
        return new ContentSettings(lexicons, rules) { Enabled = enabled };
    }
}
