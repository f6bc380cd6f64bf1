using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>Reads the <c>accounts:</c> list and checks what only the whole list can tell: unique ids, exactly one head.</summary>
internal static partial class AccountReader
{
    private static readonly string[] Keys = ["id", "name", "platform", "tier", "department", "source", "pollInterval", "contacts"];

    private static readonly string[] Reserved = [];

    private static readonly string[] SourceKeys = ["kind", "url", "profile", "headers"];

    // Ids end up in Redis keys, URLs and metric values, so they stay plain.
    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex IdPattern();

    public static List<Account> Read(ConfigSection top, ConfigReader reader, ISet<string> declaredProfiles, bool allowPrivateNetworks)
    {
        var accounts = new List<Account>();
        var node = top.Find("accounts");
        if (node is null)
        {
            reader.ReportMissing(top, "accounts");
            return accounts;
        }

        if (ConfigReader.IsNull(node) || node is YamlSequenceNode { Children.Count: 0 })
        {
            reader.Report(node.Start, "accounts", "the matrix needs at least one account (exactly one of them the head)");
            return accounts;
        }

        if (node is not YamlSequenceNode list)
        {
            reader.Report(node.Start, "accounts", "expected a list of accounts");
            return accounts;
        }

        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var heads = new List<(string Id, Mark At, string Field)>();
        var everyTierRead = true;

        for (var i = 0; i < list.Children.Count; i++)
        {
            var field = $"accounts[{i}]";
            var section = reader.Section(list.Children[i], field, Keys, Reserved);
            if (section is null)
            {
                everyTierRead = false;
                continue;
            }

            var id = reader.Text(section, "id", required: true);
            if (id is not null && !IdPattern().IsMatch(id))
            {
                reader.Report(section.Node("id").Start, section.Field("id"), $"{ConfigText.Quote(id)} is not a valid id: use 1-64 characters a-z, 0-9 and '-'");
                id = null;
            }
            else if (id is not null && firstLineOfId.TryGetValue(id, out var firstLine))
            {
                reader.Report(section.Node("id").Start, section.Field("id"), $"duplicate account id {ConfigText.Quote(id)} (first used on line {firstLine})");
                id = null;
            }
            else if (id is not null)
            {
                firstLineOfId[id] = (int)section.Node("id").Start.Line;
            }

            var name = reader.Text(section, "name", required: true);
            var platform = reader.Choice<Platform>(section, "platform", "platform");
            var tier = reader.Choice<Tier>(section, "tier", "tier");
            var department = reader.Text(section, "department", required: true);
            var source = ReadSource(section, reader, declaredProfiles, allowPrivateNetworks);
            var pollInterval = reader.Duration(section, "pollInterval");
            var contacts = ContactAddresses(section.Find("contacts"));

            if (tier is null)
                everyTierRead = false;
            else if (tier == Tier.Head)
                heads.Add((id ?? "?", section.Node("tier").Start, section.Field("tier")));

            if (id is not null && name is not null && platform is { } p && tier is { } t && department is not null && source is not null)
            {
                // Left out, the interval stays null so the host's Polling:HeadInterval / MemberInterval apply (PollSchedule).
                accounts.Add(new Account(id, name, p, t, department, source, pollInterval) { Contacts = contacts });
            }
        }

        // With a tier that did not read, "no head" may only be that typo again: one mistake, one message.
        if (heads.Count == 0 && everyTierRead)
            reader.Report(list.Start, "accounts", "no account has tier: head (a matrix has exactly one head)");

        foreach (var extra in heads.Skip(1))
            reader.Report(extra.At, extra.Field, $"a second head; {ConfigText.Quote(heads[0].Id)} (line {heads[0].At.Line}) is already the head (a matrix has exactly one)");

        return accounts;
    }

    /// <summary>The e-mail addresses among an account's contacts: plain text items, or the <c>email</c> of a mapping
    /// (<c>{ name: 张三, email: ..., phone: ... }</c>). Other shapes stay accepted and unread: alert routing may use them.</summary>
    private static List<string> ContactAddresses(YamlNode? node)
    {
        if (node is not YamlSequenceNode list)
            return [];
        var addresses = new List<string>();
        foreach (var item in list.Children)
        {
            var text = item switch
            {
                YamlScalarNode { Value: { } value } => value,
                YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("email"), out var email) && email is YamlScalarNode { Value: { } value } => value,
                _ => null,
            };
            if (text is not null && text.Contains('@', StringComparison.Ordinal))
                addresses.Add(text.Trim());
        }

        return addresses;
    }

    private static Source? ReadSource(ConfigSection account, ConfigReader reader, ISet<string> declaredProfiles, bool allowPrivateNetworks)
    {
        var node = account.Find("source");
        if (node is null)
        {
            reader.ReportMissing(account, "source");
            return null;
        }

        var section = reader.Section(node, account.Field("source"), SourceKeys);
        if (section is null)
            return null;

        var kind = reader.Choice<SourceKind>(section, "kind", "source kind");
        var urlText = reader.Text(section, "url", required: true);
        var profile = reader.Text(section, "profile", required: false);

        Uri? url = null;
        if (urlText is not null && SourceUrlRule.Check(urlText, allowPrivateNetworks, out url) is { } problem)
            reader.Report(section.Node("url").Start, section.Field("url"), problem);

        var profileKnown = true;
        if (profile is not null && !declaredProfiles.Contains(profile))
        {
            reader.Report(section.Node("profile").Start, section.Field("profile"), $"unknown profile {ConfigText.Quote(profile)}");
            profileKnown = false;
        }
        else if (profile is null && kind is SourceKind.Html or SourceKind.Json)
        {
            reader.Report(section.Start, section.Field("profile"), $"kind: {ConfigReader.ConfigName(kind.Value)} needs a profile (one of the names under profiles:)");
            profileKnown = false;
        }

        var headers = section.Find("headers") is { } headersNode ? SourceHeaderReader.Read(headersNode, section.Field("headers"), reader) : null;

        return kind is { } k && url is not null && profileKnown ? new Source(k, url, profile, headers) : null;
    }
}
