using System.Globalization;
using System.Text;
using System.Text.Unicode;
using YamlDotNet.RepresentationModel;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// Reads the registry file the matrix names (<c>registry: registry.yaml</c>, relative to the matrix file): the filed
/// accounts that <c>mediamatrix registry</c> imported from the county's 备案登记表. Its mistakes are reported at its own
/// file, line and column, as a lexicon's are.
/// </summary>
internal static class RegistryReader
{
    private static readonly string[] TopKeys = ["filings"];

    private static readonly string[] Keys = ["account", "unit", "name", "platform", "ref", "number", "status", "closedOn"];

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static MatrixRegistry? Read(ConfigSection top, ConfigReader reader, string matrixFile, DeclaredAccounts declared)
    {
        var path = reader.Text(top, "registry", required: false);
        if (path is null)
            return null;

        var full = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(matrixFile)) ?? ".", path);
        var shown = Path.Combine(Path.GetDirectoryName(matrixFile) ?? string.Empty, path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reader.Report(top.Node("registry").Start, "registry", $"the registry file cannot be read (looked for {full}): run `mediamatrix registry` to write it, or remove the key");
            return null;
        }

        if (bytes.AsSpan().Contains((byte)0) || !Utf8.IsValid(bytes))
        {
            reader.Add(new ConfigError(shown, 0, 0, "", "not a text file: a registry file is UTF-8 YAML written by `mediamatrix registry`"));
            return null;
        }

        var own = new ConfigReader(shown);
        var filings = ReadFilings(Strict.GetString(bytes).TrimStart('\uFEFF'), own, declared);
        foreach (var error in own.Errors)
            reader.Add(error);
        return filings is null || own.Errors.Count > 0 ? null : new MatrixRegistry(path, filings);
    }

    private static List<Filing>? ReadFilings(string yaml, ConfigReader reader, DeclaredAccounts declared)
    {
        var root = ConfigYaml.Parse(yaml, reader);
        if (root is null)
            return null;
        var top = reader.Section(root, "", TopKeys);
        if (top is null)
            return null;

        var filings = new List<Filing>();
        var node = top.Find("filings");
        if (node is null || ConfigReader.IsNull(node))
            return filings;
        if (node is not YamlSequenceNode list)
        {
            reader.Report(node.Start, "filings", "expected a list of filed accounts");
            return null;
        }

        var firstLineOfAccount = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var section = reader.Section(list.Children[i], $"filings[{i}]", Keys);
            if (section is null)
                continue;

            var account = reader.Text(section, "account", required: false);
            if (account is not null && !declared.Ids.Contains(account))
            {
                reader.Report(section.Node("account").Start, section.Field("account"), $"unknown account {ConfigText.Quote(account)} (not under accounts: in the matrix)");
                account = null;
            }
            else if (account is not null && !firstLineOfAccount.TryAdd(account, section.Node("account").Start.Line))
            {
                reader.Report(section.Node("account").Start, section.Field("account"), $"account {ConfigText.Quote(account)} is filed twice (first on line {firstLineOfAccount[account]})");
                account = null;
            }

            var unit = reader.Text(section, "unit", required: true);
            var name = reader.Text(section, "name", required: true);
            var platform = reader.Choice<Platform>(section, "platform", "platform");
            var status = reader.Choice<FilingStatus>(section, "status", "status");
            var closedOn = ReadDate(section, reader, "closedOn");
            if (unit is not null && name is not null && platform is { } p && status is { } s)
            {
                filings.Add(new Filing(account, unit, name, p, reader.Text(section, "ref", required: false),
                    reader.Text(section, "number", required: false), s, closedOn));
            }
        }

        return filings;
    }

    private static DateOnly? ReadDate(ConfigSection section, ConfigReader reader, string key)
    {
        var text = reader.Text(section, key, required: false);
        if (text is null)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        reader.Report(section.Node(key).Start, section.Field(key), $"{ConfigText.Quote(text)} is not a date; write 2026-10-01");
        return null;
    }
}
