using System.Text;
using System.Text.Unicode;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// Reads and validates the matrix config (config/README.md documents the format). Every problem
/// in the file is collected in one pass, each with file, line, column and field path, so start-up
/// can fail fast and the operator fixes them all at once.
/// </summary>
public static class MatrixConfigLoader
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    private static readonly string[] TopLevelKeys = ["matrix", "accounts", "profiles", "tasks", "taskRules", "content", "rules", "registry"];

    // Sections that later features parse from the same file; accepted and ignored here.
    private static readonly string[] ReservedTopLevelKeys = ["users"];

    private static readonly string[] MatrixKeys = ["name", "timezone", "allowPrivateNetworks", "digestTo"];
    private static readonly string[] ReservedMatrixKeys = [];

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static MatrixLoadResult Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return WholeFileError(path, $"config file not found (looked for {Path.GetFullPath(path)})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return WholeFileError(path, $"config file cannot be read: {e.Message}");
        }

        // Whatever the file is, its content is not echoed: a binary or non-UTF-8 file is named as such and left unread.
        if (bytes.AsSpan().Contains((byte)0) || !Utf8.IsValid(bytes))
            return WholeFileError(path, "not a text file: a matrix config is UTF-8 YAML (this file has binary or non-UTF-8 content)");

        return LoadFromText(Strict.GetString(bytes).TrimStart('\uFEFF'), path);
    }

    public static MatrixLoadResult LoadFromText(string yaml, string fileName)
    {
        var reader = new ConfigReader(fileName);
        var config = Read(yaml, reader, fileName);
        var errors = reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        return errors.Count == 0 && config is not null ? MatrixLoadResult.Valid(config) : MatrixLoadResult.Invalid(errors);
    }

    private static MatrixConfig? Read(string yaml, ConfigReader reader, string fileName)
    {
        var root = ConfigYaml.Parse(yaml, reader);
        if (root is null)
            return null;

        // Not a mapping at the top: some other kind of file. Say so without quoting any of it.
        if (root is not YamlMappingNode)
        {
            reader.Report(root.Start, "", $"not a matrix config: expected a YAML mapping with matrix: and accounts:, found {(root is YamlSequenceNode ? "a list" : "plain text")}");
            return null;
        }

        var top = reader.Section(root, "", TopLevelKeys, ReservedTopLevelKeys);
        if (top is null)
            return null;

        var declaredProfiles = new HashSet<string>(StringComparer.Ordinal);
        var profiles = ProfileReader.Read(top.Find("profiles"), reader, declaredProfiles);
        var settings = ReadSettings(top, reader);
        var accounts = AccountReader.Read(top, reader, declaredProfiles, settings?.AllowPrivateNetworks ?? false);
        var declaredAccounts = DeclaredAccounts.From(top.Find("accounts"));
        // With an unreadable time zone the tasks are still checked; their times only matter once it is fixed.
        var tasks = TaskReader.Read(top, reader, declaredAccounts, settings?.TimeZone ?? TimeZoneInfo.Utc);
        var rules = RuleReader.Read(top, reader, declaredAccounts);
        var content = ContentReader.Read(top, reader, fileName);
        var pack = RulePackReader.Read(top, reader, fileName);
        var registry = RegistryReader.Read(top, reader, fileName, declaredAccounts);
        if (registry is not null)
        {
            var filed = registry.Filings.Where(f => f.Account is not null).ToDictionary(f => f.Account!, StringComparer.Ordinal);
            accounts = [.. accounts.Select(a => filed.TryGetValue(a.Id, out var filing) ? a with { Filing = filing } : a)];
        }

        return settings is null ? null : new MatrixConfig(settings, accounts, profiles) { Tasks = tasks, Rules = rules, Content = content, Pack = pack, Registry = registry };
    }

    private static MatrixSettings? ReadSettings(ConfigSection top, ConfigReader reader)
    {
        var node = top.Find("matrix");
        if (node is null)
        {
            reader.ReportMissing(top, "matrix");
            return null;
        }

        var section = reader.Section(node, "matrix", MatrixKeys, ReservedMatrixKeys);
        if (section is null)
            return null;

        var name = reader.Text(section, "name", required: true);
        var timeZone = ReadTimeZone(section, reader);
        var allowPrivateNetworks = reader.Flag(section, "allowPrivateNetworks") ?? false;
        var digestTo = reader.TextList(section, "digestTo") ?? [];

        return name is not null && timeZone is not null ? new MatrixSettings(name, timeZone, allowPrivateNetworks) { DigestTo = digestTo } : null;
    }

    private static TimeZoneInfo? ReadTimeZone(ConfigSection section, ConfigReader reader)
    {
        var id = reader.Text(section, "timezone", required: false);
        if (id is null && section.Has("timezone"))
            return null;

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id ?? DefaultTimeZone);
        }
        // On Linux the id is a path under /usr/share/zoneinfo: "Asia/" is a directory and surfaces as an
        // access error, not as "not found". Whatever the lookup throws, the id is unusable.
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or IOException
            or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException)
        {
            var at = id is null ? section.Start : section.Node("timezone").Start;
            reader.Report(at, section.Field("timezone"), $"unknown time zone {ConfigText.Quote(id ?? DefaultTimeZone)} (use an IANA name such as {DefaultTimeZone})");
            return null;
        }
    }

    private static MatrixLoadResult WholeFileError(string path, string message) =>
        MatrixLoadResult.Invalid([new ConfigError(path, 0, 0, "", message)]);
}
