using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Digest;

/// <summary>Which edition of the digest one address receives: the office's (whole matrix) or a department's (its accounts).</summary>
internal sealed record DigestRecipient(string Address, DigestEdition Edition, IReadOnlyList<Account> Accounts)
{
    /// <summary>The departments the edition covers, for the heading.</summary>
    public string Scope => Edition == DigestEdition.Office ? string.Empty : string.Join("、", Accounts.Select(a => a.Department).Distinct(StringComparer.Ordinal));
}

internal enum DigestEdition { Office, Department }

/// <summary>Office addresses (<c>matrix.digestTo</c>) get the whole matrix; every other contact (<c>accounts[].contacts</c>)
/// gets the accounts naming them. One message per address per week: an office address that is also a contact gets the office edition.</summary>
internal static class DigestRecipients
{
    public static IReadOnlyList<DigestRecipient> Of(MatrixConfig matrix)
    {
        var office = matrix.Matrix.DigestTo.Select(Normalise).Distinct(StringComparer.Ordinal).ToList();
        var recipients = office.Select(a => new DigestRecipient(a, DigestEdition.Office, matrix.Accounts)).ToList();
        var contacts = matrix.Accounts
            .SelectMany(account => account.Contacts.Select(c => (Address: Normalise(c), Account: account)))
            .Where(c => !office.Contains(c.Address))
            .GroupBy(c => c.Address, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        recipients.AddRange(contacts.Select(g => new DigestRecipient(g.Key, DigestEdition.Department, [.. g.Select(c => c.Account).Distinct()])));
        return recipients;
    }

    // The idempotency key is per address, so spelling variants of one mailbox must not count as two recipients.
    private static string Normalise(string address) => address.Trim().ToLowerInvariant();
}
