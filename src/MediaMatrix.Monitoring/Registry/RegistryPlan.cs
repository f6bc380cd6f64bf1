using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Registry;

/// <summary>A field of a filing that the import changes: <c>unit</c>, <c>name</c>, <c>number</c>, <c>status</c>, <c>ref</c>, <c>closedOn</c>.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>A matrix account whose filing the import sets or changes.</summary>
public sealed record AccountChange(string Account, string Where, IReadOnlyList<FieldChange> Fields);

/// <summary>A registry row with no matrix account: recorded as filed, not monitored (the registry names no source to read).</summary>
public sealed record FiledOnly(string Where, string Unit, Platform Platform, string Name, string? Number, FilingStatus Status);

/// <summary>What the import finds worth an operator's attention.</summary>
public enum RegistryFlagKind
{
    /// <summary>一个单位同一平台多个账号: a unit with more than one open account on one platform.</summary>
    DuplicateUnitPlatform,

    /// <summary>已注销仍在更新: filed as closed, and still posts.</summary>
    ClosedButPosting,

    /// <summary>未备案: in the matrix, not in the registry.</summary>
    Unfiled,

    /// <summary>备案单位与运营单位不一致: filed under another unit than the matrix's department.</summary>
    UnitDiffers,
}

/// <summary>One flag: its kind, the account(s), and the sentence an operator reads (Chinese, then English).</summary>
public sealed record RegistryFlag(RegistryFlagKind Kind, IReadOnlyList<string> Accounts, string Message);

/// <summary>The newest post of an account the registry says is closed, read from the store after one poll.</summary>
public sealed record NewestPost(DateTimeOffset PublishedAt, string Title);

/// <summary>
/// What importing a registry into a matrix would do: the filings to write (in the registry's order), what that changes
/// against the config as it is, and the flags. Pure: the caller reads the file, polls the closed accounts and passes
/// their newest posts and <c>now</c>.
/// </summary>
public sealed record RegistryPlan(
    IReadOnlyList<Filing> Filings,
    IReadOnlyList<AccountChange> Changed,
    IReadOnlyList<FiledOnly> Added,
    IReadOnlyList<Filing> Removed,
    IReadOnlyList<string> Missing,
    IReadOnlyList<RegistryFlag> Flags)
{
    public bool ChangesNothing => Changed.Count == 0 && Added.Count == 0 && Removed.Count == 0;

    /// <summary>
    /// Matches each row to a matrix account: the row's id/link is the account's id or its source URL; else a filing
    /// already in the config with the same platform and id/link or the same filing number; else the same platform and name.
    /// </summary>
    public static IReadOnlyDictionary<RegistryEntry, string> Match(MatrixConfig matrix, IReadOnlyList<RegistryEntry> entries)
    {
        var previous = matrix.Registry?.Filings ?? [];
        var matched = new Dictionary<RegistryEntry, string>(ReferenceEqualityComparer.Instance);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var rules = new Func<RegistryEntry, Account, bool>[]
        {
            (e, a) => e.Ref is { } r && (r == a.Id || r == a.Source.Url.OriginalString || r == a.Source.Url.AbsoluteUri),
            (e, a) => previous.Any(f => f.Account == a.Id && ((e.Ref is not null && f.Platform == e.Platform && f.Ref == e.Ref) || (e.Number is not null && f.Number == e.Number))),
            (e, a) => a.Platform == e.Platform && (a.Name == e.Name || a.Filing?.Name == e.Name),
        };
        foreach (var rule in rules)
        {
            foreach (var entry in entries.Where(e => !matched.ContainsKey(e)))
            {
                if (matrix.Accounts.FirstOrDefault(a => !taken.Contains(a.Id) && rule(entry, a)) is { } account)
                {
                    matched[entry] = account.Id;
                    taken.Add(account.Id);
                }
            }
        }

        return matched;
    }

    public static RegistryPlan Of(MatrixConfig matrix, IReadOnlyList<RegistryEntry> entries, IReadOnlyDictionary<string, NewestPost> newestPosts,
        DateTimeOffset now, TimeSpan vetoWindow)
    {
        var matched = Match(matrix, entries);
        var accounts = matrix.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var previous = matrix.Registry?.Filings ?? [];
        var filings = entries.Select(e => new Filing(matched.GetValueOrDefault(e), e.Unit, e.Name, e.Platform, e.Ref, e.Number, e.Status, e.ClosedOn)).ToList();

        var changed = new List<AccountChange>();
        var added = new List<FiledOnly>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (entry, filing) = (entries[i], filings[i]);
            if (filing.Account is { } id)
            {
                var fields = Differences(accounts[id], filing);
                if (fields.Count > 0)
                    changed.Add(new AccountChange(id, entry.Where, fields));
            }
            else if (!previous.Any(f => f.Account is null && SameFiledOnly(f, filing)))
            {
                added.Add(new FiledOnly(entry.Where, entry.Unit, entry.Platform, entry.Name, entry.Number, entry.Status));
            }
        }

        var removed = previous.Where(f => f.Account is not null ? filings.All(n => n.Account != f.Account) : !filings.Any(n => n.Account is null && SameFiledOnly(f, n))).ToList();
        var missing = matrix.Accounts.Where(a => filings.All(f => f.Account != a.Id)).Select(a => a.Id).ToList();
        return new RegistryPlan(filings, changed, added, removed, missing, FlagsOf(matrix, filings, missing, newestPosts, now, vetoWindow));
    }

    /// <summary>The accounts filed as closed that the caller should poll to tell whether they still post.</summary>
    public static IReadOnlyList<string> ClosedAccounts(MatrixConfig matrix, IReadOnlyList<RegistryEntry> entries) => [.. ClosedOn(matrix, entries).Keys];

    /// <summary>Each account filed as closed, with the closure date its row gives (null when the row gives none).</summary>
    public static IReadOnlyDictionary<string, DateOnly?> ClosedOn(MatrixConfig matrix, IReadOnlyList<RegistryEntry> entries) =>
        Match(matrix, entries).Where(m => m.Key.Status == FilingStatus.Closed).ToDictionary(m => m.Value, m => m.Key.ClosedOn, StringComparer.Ordinal);

    private static bool SameFiledOnly(Filing a, Filing b) =>
        a.Platform == b.Platform && (a.Name == b.Name || (a.Number is not null && a.Number == b.Number) || (a.Ref is not null && a.Ref == b.Ref));

    // Before: the filing the config holds; without one, what the account says (its department and name, open, nothing filed).
    private static List<FieldChange> Differences(Account account, Filing after)
    {
        var before = account.Filing ?? new Filing(account.Id, account.Department, account.Name, account.Platform, null, null, FilingStatus.Open, null);
        var fields = new List<FieldChange>();
        void Compare(string field, string? a, string? b)
        {
            if (a != b)
                fields.Add(new FieldChange(field, a, b));
        }

        Compare("unit", before.Unit, after.Unit);
        Compare("name", before.Name, after.Name);
        Compare("ref", before.Ref, after.Ref);
        Compare("number", before.Number, after.Number);
        Compare("status", account.Filing is null ? null : StatusName(before.Status), StatusName(after.Status));
        Compare("closedOn", before.ClosedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            after.ClosedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return fields;
    }

    public static string StatusName(FilingStatus status) => ConfigReader.ConfigName(status);

    public static string PlatformName(Platform platform) => ConfigReader.ConfigName(platform);

    private static List<RegistryFlag> FlagsOf(MatrixConfig matrix, List<Filing> filings, List<string> missing,
        IReadOnlyDictionary<string, NewestPost> newestPosts, DateTimeOffset now, TimeSpan vetoWindow)
    {
        var flags = new List<RegistryFlag>();
        foreach (var group in filings.Where(f => f.Status == FilingStatus.Open).GroupBy(f => (f.Unit, f.Platform)).Where(g => g.Count() > 1))
        {
            var platform = ConfigReader.ConfigName(group.Key.Platform);
            flags.Add(new RegistryFlag(RegistryFlagKind.DuplicateUnitPlatform, [.. group.Select(f => f.Account ?? f.Name)],
                $"一个单位同一平台多个账号：{group.Key.Unit} 在 {platform} 上有 {group.Count()} 个正常账号（{string.Join("、", group.Select(f => f.Name))}） / " +
                $"{group.Key.Unit} has {group.Count()} open accounts on {platform}"));
        }

        var zone = matrix.Matrix.TimeZone;
        foreach (var filing in filings.Where(f => f.Status == FilingStatus.Closed && f.Account is not null))
        {
            if (!newestPosts.TryGetValue(filing.Account!, out var post))
                continue;
            var local = TimeZoneInfo.ConvertTime(post.PublishedAt, zone);
            var day = local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            if (filing.ClosedOn is { } closed)
            {
                if (DateOnly.FromDateTime(local.DateTime) > closed)
                {
                    flags.Add(new RegistryFlag(RegistryFlagKind.ClosedButPosting, [filing.Account!],
                        $"已注销仍在更新：{filing.Account}（{filing.Name}）备案于 {closed:yyyy-MM-dd} 注销，{day} 仍有发布 / filed as closed on {closed:yyyy-MM-dd}, posted at {day}"));
                }
            }
            else if (post.PublishedAt > now - vetoWindow && post.PublishedAt <= now)
            {
                flags.Add(new RegistryFlag(RegistryFlagKind.ClosedButPosting, [filing.Account!],
                    $"已注销仍在更新：{filing.Account}（{filing.Name}）备案为已注销，近 {vetoWindow.TotalDays:0} 天内仍有发布（{day}） / " +
                    $"filed as closed (no closure date), posted within the last {vetoWindow.TotalDays:0} days ({day})"));
            }
        }

        foreach (var id in missing)
        {
            var account = matrix.Accounts.First(a => a.Id == id);
            flags.Add(new RegistryFlag(RegistryFlagKind.Unfiled, [id], $"未备案：{id}（{account.Name}，{account.Department}）在矩阵中，不在备案登记表中 / in the matrix, not in the registry"));
        }

        foreach (var filing in filings.Where(f => f.Account is not null))
        {
            var account = matrix.Accounts.First(a => a.Id == filing.Account);
            if (account.Department != filing.Unit)
            {
                flags.Add(new RegistryFlag(RegistryFlagKind.UnitDiffers, [account.Id],
                    $"备案单位与运营单位不一致：{account.Id} 备案单位 {filing.Unit}，矩阵中为 {account.Department} / filed under {filing.Unit}, run by {account.Department} in the matrix"));
            }
        }

        return flags;
    }
}
