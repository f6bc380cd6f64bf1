namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// How people name an account: its name and the unit that runs it, <c>定海农业农村 · 区农业农村局</c>. Alert titles, notices,
/// digest lines and bulletin rows use it; the id (<c>dh-nync</c>) is at most a secondary detail beside it.
/// </summary>
public static class AccountLabel
{
    public const string Separator = " · ";

    public static string Of(Account account) =>
        string.IsNullOrWhiteSpace(account.Department) ? account.Name : account.Name + Separator + account.Department;

    /// <summary>Every account's label by id.</summary>
    public static IReadOnlyDictionary<string, string> All(IEnumerable<Account> accounts) =>
        accounts.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Of(g.First()), StringComparer.Ordinal);

    /// <summary>The label of <paramref name="id"/>, or the id itself for an account the labels do not know.</summary>
    public static string Of(IReadOnlyDictionary<string, string>? labels, string id) => labels?.GetValueOrDefault(id) ?? id;
}
