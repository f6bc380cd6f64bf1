using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Calendar;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// Reads rule packs (config/rules/README.md has the format) and the matrix's <c>rules:</c> section. A pack names itself and
/// its version, may extend another pack, and sets rule numbers; the matrix names its pack and may override single numbers.
/// Every problem — an unknown key (popularity above all, which no pack may score), a negative or zero duration, thresholds
/// out of order — is reported at its own file, line, column and field, and then nothing of the pack is used.
/// </summary>
internal static class RulePackReader
{
    private static readonly string[] SectionKeys = ["pack", "overrides", "calendars"];
    private static readonly string[] PackKeys = ["pack", "version", "title", "titleEn", "extends", "rules"];
    private static readonly string[] RuleKeys =
    [
        "vetoWindow", "earlyWarningDays", "earlyWarningWorkingDays", "headPostsPerWeek", "memberPostsPerWeek", "diligenceShares",
        "gapToleranceIntervals", "tasksOnTimeShare", "weights", "grades", "stability", "dormancy", "rectifyWithin", "vetoes",
    ];

    // The 2023 opinions: follows, likes, reposts and comments are no basis of assessment. Named so the error says why.
    private static readonly string[] Popularity = ["followers", "fans", "reads", "views", "likes", "reposts", "shares", "comments", "reach", "attention", "popularity"];

    private const int MaxExtends = 4;

    /// <summary>A shipped pack by name (config/rules/{name}.yaml, embedded in the build).</summary>
    public static RulePack LoadShipped(string name)
    {
        var reader = new ConfigReader($"config/rules/{name}.yaml");
        var pack = ReadShipped(name, reader, [], null);
        return pack ?? throw new InvalidOperationException($"shipped rule pack {name} is invalid: {(reader.Errors.Count > 0 ? reader.Errors[0] : null)}");
    }

    /// <summary>The matrix's <c>rules:</c> section: the national pack when absent.</summary>
    public static RulePack Read(ConfigSection top, ConfigReader reader, string matrixFile)
    {
        var node = top.Find("rules");
        if (node is null || ConfigReader.IsNull(node))
            return RulePack.National;

        var baseDir = Path.GetDirectoryName(Path.GetFullPath(matrixFile)) ?? ".";
        string? packName;
        ConfigSection? section = null;
        Mark packAt;
        if (node is YamlScalarNode scalar)
        {
            packName = scalar.Value;
            packAt = scalar.Start;
        }
        else
        {
            section = reader.Section(node, "rules", SectionKeys);
            if (section is null)
                return RulePack.National;
            packName = reader.Text(section, "pack", required: false) ?? "national";
            packAt = section.Has("pack") ? section.Node("pack").Start : section.Start;
        }

        var errorsBefore = reader.Errors.Count;
        var calendar = ReadCalendars(section, reader, baseDir);
        var pack = packName is null ? null : LoadPack(packName, packAt, "rules.pack", reader, baseDir, [], calendar);
        if (pack is null)
            return RulePack.National;

        var options = pack.Options.Clone();
        var overrides = new List<string>();
        if (section?.Find("overrides") is { } overridesNode && !ConfigReader.IsNull(overridesNode))
        {
            var places = new Places();
            if (ReadRules(overridesNode, "rules.overrides", reader, options, places) is { } written)
            {
                overrides.AddRange(written);
                CheckOrder(options, reader, places, overridesNode.Start, "rules.overrides");
            }
        }

        return reader.Errors.Count > errorsBefore ? RulePack.National : new RulePack(pack.Id with { Overrides = overrides }, options);
    }

    private static WorkingCalendar ReadCalendars(ConfigSection? section, ConfigReader reader, string baseDir)
    {
        var paths = section is null ? null : reader.TextList(section, "calendars");
        if (paths is null || paths.Count == 0)
            return CalendarLoader.Shipped;

        var result = CalendarLoader.LoadAll(paths.Select(p => Path.Combine(baseDir, p)), CalendarLoader.Shipped.Notices);
        foreach (var error in result.Errors)
            reader.Add(error);
        foreach (var path in paths.Where(p => !File.Exists(Path.Combine(baseDir, p)) && !Directory.Exists(Path.Combine(baseDir, p))))
            reader.Report(section!.Node("calendars").Start, section.Field("calendars"), $"no calendar file or folder {ConfigText.Quote(path)}");
        // A county's file for a year replaces the shipped one only when it is newer: later notices win.
        var years = CalendarLoader.Shipped.Notices.Where(y => result.Years.All(r => r.Year != y.Year)).Concat(result.Years);
        return new WorkingCalendar(years);
    }

    private static RulePack? LoadPack(string name, Mark at, string field, ConfigReader reader, string baseDir, List<string> chain, WorkingCalendar? calendar)
    {
        if (chain.Contains(name, StringComparer.Ordinal) || chain.Count > MaxExtends)
        {
            reader.Report(at, field, $"pack {ConfigText.Quote(name)} extends itself ({string.Join(" → ", chain.Append(name))})");
            return null;
        }

        if (RulePack.Shipped.Contains(name, StringComparer.Ordinal))
            return ReadShipped(name, reader, chain, calendar);

        var path = Path.Combine(baseDir, name);
        if (!name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            reader.Report(at, field, $"unknown rule pack {ConfigText.Quote(name)} (shipped: {string.Join(", ", RulePack.Shipped)}; or a .yaml file relative to this one)");
            return null;
        }

        var text = ConfigFiles.ReadText(path, "rule pack", out var error);
        if (text is null)
        {
            reader.Add(error!);
            return null;
        }

        var fileReader = new ConfigReader(path);
        var pack = ReadPack(text, fileReader, Path.GetDirectoryName(Path.GetFullPath(path)) ?? baseDir, [.. chain, name], calendar);
        foreach (var e in fileReader.Errors)
            reader.Add(e);
        return fileReader.Errors.Count == 0 ? pack : null;
    }

    private static RulePack? ReadShipped(string name, ConfigReader reader, List<string> chain, WorkingCalendar? calendar)
    {
        var fileReader = new ConfigReader($"config/rules/{name}.yaml");
        var pack = ReadPack(ConfigFiles.Embedded($"MediaMatrix.Monitoring.Rules.{name}.yaml"), fileReader, ".", [.. chain, name], calendar);
        foreach (var e in fileReader.Errors)
            reader.Add(e);
        return fileReader.Errors.Count == 0 ? pack : null;
    }

    private static RulePack? ReadPack(string yaml, ConfigReader reader, string baseDir, List<string> chain, WorkingCalendar? calendar)
    {
        var root = ConfigYaml.Parse(yaml, reader);
        if (root is null || reader.Section(root, "", PackKeys) is not { } top)
            return null;

        var name = reader.Text(top, "pack", required: true);
        var version = reader.Text(top, "version", required: true);
        var title = reader.Text(top, "title", required: true);
        var titleEn = reader.Text(top, "titleEn", required: false);
        var extends = reader.Text(top, "extends", required: false);

        AssessmentOptions options;
        if (extends is not null)
        {
            var parent = LoadPack(extends, top.Node("extends").Start, "extends", reader, baseDir, chain, calendar);
            if (parent is null)
                return null;
            options = parent.Options.Clone();
        }
        else
        {
            options = new AssessmentOptions();
        }

        if (calendar is not null)
            options.Calendar = calendar;

        var places = new Places();
        if (top.Find("rules") is not { } rules)
        {
            reader.ReportMissing(top, "rules");
            return null;
        }

        if (ReadRules(rules, "rules", reader, options, places) is null)
            return null;
        CheckOrder(options, reader, places, rules.Start, "rules");
        if (name is null || version is null || title is null || reader.Errors.Count > 0)
            return null;

        options.Pack = new RulePackId(name, version, title, titleEn ?? title);
        return new RulePack(options.Pack, options);
    }

    /// <summary>Where each rule key was set, so a check across keys reports at the one written last.</summary>
    private sealed class Places : Dictionary<string, (Mark At, string Field)>;

    /// <summary>Applies a mapping of rule keys to <paramref name="options"/>; returns the keys written, or null on a structural error.</summary>
    private static List<string>? ReadRules(YamlNode node, string field, ConfigReader reader, AssessmentOptions options, Places places)
    {
        ReportPopularity(node, field, reader);
        if (reader.Section(node, field, RuleKeys, Popularity) is not { } s)
            return null;

        var written = RuleKeys.Where(s.Has).ToList();
        foreach (var key in written)
            places[key] = (s.Node(key).Start, s.Field(key));

        // The warning is kept as "days before the veto", so a layer that moves the veto window keeps the lead it inherited.
        var lead = options.VetoWindow - options.EarlyWarningAfter;
        if (reader.Duration(s, "vetoWindow") is { } veto)
            options.VetoWindow = veto;
        if (NonNegative(s, "earlyWarningDays", reader) is { } warnDays)
            lead = TimeSpan.FromDays(warnDays);
        options.EarlyWarningAfter = options.VetoWindow - lead;
        if (NonNegative(s, "earlyWarningWorkingDays", reader) is { } warnWorking)
            options.EarlyWarningWorkingDays = warnWorking;
        if (Positive(s, "headPostsPerWeek", reader) is { } head)
            options.HeadPostsPerWeek = head;
        if (Positive(s, "memberPostsPerWeek", reader) is { } member)
            options.MemberPostsPerWeek = member;
        if (NonNegativeNumber(s, "gapToleranceIntervals", reader) is { } tolerance)
            options.GapToleranceIntervals = tolerance;
        if (Share(s, "tasksOnTimeShare", reader) is { } onTime)
            options.TasksOnTimeShare = onTime;
        if (reader.Duration(s, "rectifyWithin") is { } rectify)
            options.RectifyWithin = rectify;

        if (Sub(s, "diligenceShares", ["week", "month", "gap"], reader) is { } shares)
        {
            options.Diligence.Week = NonNegativeNumber(shares, "week", reader) ?? options.Diligence.Week;
            options.Diligence.Month = NonNegativeNumber(shares, "month", reader) ?? options.Diligence.Month;
            options.Diligence.Gap = NonNegativeNumber(shares, "gap", reader) ?? options.Diligence.Gap;
            if (options.Diligence.Week + options.Diligence.Month + options.Diligence.Gap <= 0)
                reader.Report(shares.Start, shares.Path, "the shares must not all be 0");
        }

        if (Sub(s, "weights", ["diligence", "tasks"], reader) is { } weights)
        {
            options.Weights.Diligence = Positive(weights, "diligence", reader) ?? options.Weights.Diligence;
            options.Weights.Tasks = NonNegativeNumber(weights, "tasks", reader) ?? options.Weights.Tasks;
        }

        if (Sub(s, "grades", ["a", "b", "c"], reader) is { } grades)
        {
            options.Grades.A = Score(grades, "a", reader) ?? options.Grades.A;
            options.Grades.B = Score(grades, "b", reader) ?? options.Grades.B;
            options.Grades.C = Score(grades, "c", reader) ?? options.Grades.C;
            places["grades"] = (grades.Start, grades.Path);
        }

        if (Sub(s, "stability", ["smoothingFactor", "weakThreshold", "recoveryMargin", "consecutiveEvaluations"], reader) is { } st)
        {
            if (reader.Number(st, "smoothingFactor") is { } alpha)
            {
                if (alpha is > 0 and <= 1)
                    options.Stability.SmoothingFactor = alpha;
                else
                    reader.Report(st.Node("smoothingFactor").Start, st.Field("smoothingFactor"), $"{alpha} must be above 0 and at most 1");
            }

            options.Stability.WeakThreshold = Score(st, "weakThreshold", reader) ?? options.Stability.WeakThreshold;
            options.Stability.RecoveryMargin = NonNegativeNumber(st, "recoveryMargin", reader) ?? options.Stability.RecoveryMargin;
            if (reader.Integer(st, "consecutiveEvaluations") is { } k)
            {
                if (k >= 1)
                    options.Stability.ConsecutiveEvaluations = k;
                else
                    reader.Report(st.Node("consecutiveEvaluations").Start, st.Field("consecutiveEvaluations"), $"{k} must be at least 1");
            }
        }

        if (Sub(s, "dormancy", ["warning", "dormant", "zombie", "sporadicPosts"], reader) is { } d)
        {
            options.Dormancy = options.Dormancy with
            {
                Warning = reader.Duration(d, "warning") ?? options.Dormancy.Warning,
                Dormant = reader.Duration(d, "dormant") ?? options.Dormancy.Dormant,
                Zombie = reader.Duration(d, "zombie") ?? options.Dormancy.Zombie,
                SporadicPosts = NonNegative(d, "sporadicPosts", reader) ?? options.Dormancy.SporadicPosts,
            };
            places["dormancy"] = (d.Start, d.Path);
        }

        if (Sub(s, "vetoes", ["content", "manual"], reader) is { } v)
        {
            options.Vetoes = options.Vetoes with
            {
                Content = reader.Flag(v, "content") ?? options.Vetoes.Content,
                Manual = reader.Flag(v, "manual") ?? options.Vetoes.Manual,
            };
        }

        return written;
    }

    /// <summary>Thresholds that must come in order, checked once every layer is applied, at the key written last.</summary>
    private static void CheckOrder(AssessmentOptions o, ConfigReader reader, Places places, Mark fallback, string field)
    {
        void Fail(string key, string message)
        {
            var (at, f) = places.TryGetValue(key, out var place) ? place : (fallback, field);
            reader.Report(at, f, message);
        }

        if (o.EarlyWarningAfter <= TimeSpan.Zero)
            Fail(places.ContainsKey("earlyWarningDays") ? "earlyWarningDays" : "vetoWindow",
                $"the early warning ({(o.VetoWindow - o.EarlyWarningAfter).TotalDays:0} days before the veto) must be shorter than the veto window ({o.VetoWindow.TotalDays:0} days)");
        var tiers = o.Dormancy;
        if (!(tiers.Warning < tiers.Dormant && tiers.Dormant <= tiers.Zombie))
            Fail("dormancy", $"the tiers must rise: warning {tiers.Warning.TotalDays:0}d < dormant {tiers.Dormant.TotalDays:0}d <= zombie {tiers.Zombie.TotalDays:0}d");
        if (!(o.Grades.A >= o.Grades.B && o.Grades.B >= o.Grades.C))
            Fail("grades", $"grades must fall: a {o.Grades.A} >= b {o.Grades.B} >= c {o.Grades.C}");
    }

    private static void ReportPopularity(YamlNode node, string field, ConfigReader reader)
    {
        if (node is not YamlMappingNode mapping)
            return;
        foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>())
        {
            if (Popularity.Contains(key.Value, StringComparer.OrdinalIgnoreCase))
                reader.Report(key.Start, ConfigReader.Join(field, key.Value!), $"{ConfigText.Quote(key.Value!)} cannot be a rule: follows, likes, reposts and comments must not be a basis of assessment (关于防治\"指尖上的形式主义\"的若干意见, 2023)");
        }
    }

    private static ConfigSection? Sub(ConfigSection s, string key, string[] keys, ConfigReader reader)
    {
        if (s.Find(key) is not { } node || ConfigReader.IsNull(node))
            return null;
        ReportPopularity(node, s.Field(key), reader);
        return reader.Section(node, s.Field(key), keys, Popularity);
    }

    private static int? NonNegative(ConfigSection s, string key, ConfigReader reader)
    {
        var n = reader.Integer(s, key);
        if (n is < 0)
        {
            reader.Report(s.Node(key).Start, s.Field(key), $"{n} must not be negative");
            return null;
        }

        return n;
    }

    private static double? NonNegativeNumber(ConfigSection s, string key, ConfigReader reader) => Bounded(s, key, reader, 0, double.MaxValue, "must not be negative");

    private static double? Positive(ConfigSection s, string key, ConfigReader reader) => Bounded(s, key, reader, double.Epsilon, double.MaxValue, "must be positive");

    private static double? Share(ConfigSection s, string key, ConfigReader reader) => Bounded(s, key, reader, 0, 1, "must be between 0 and 1");

    private static double? Score(ConfigSection s, string key, ConfigReader reader) => Bounded(s, key, reader, 0, 100, "must be between 0 and 100");

    private static double? Bounded(ConfigSection s, string key, ConfigReader reader, double min, double max, string rule)
    {
        var n = reader.Number(s, key);
        if (n is { } v && (v < min || v > max))
        {
            reader.Report(s.Node(key).Start, s.Field(key), $"{v} {rule}");
            return null;
        }

        return n;
    }
}
