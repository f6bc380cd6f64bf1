using MediaMatrix.Digest;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.IntegrationTests.Digest;

/// <summary>When the digest is due, which week it is, and who gets which edition.</summary>
public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData("2026-11-30T08:59:00+08:00", "2026-W49", false)] // Monday before 09:00: not yet
    [InlineData("2026-11-30T09:00:00+08:00", "2026-W49", true)]  // Monday 09:00: due
    [InlineData("2026-12-02T15:00:00+08:00", "2026-W49", true)]  // E4: the scheduler was down Monday; Wednesday's catch-up still sends
    [InlineData("2026-12-06T23:59:00+08:00", "2026-W49", true)]  // the last minute of the ISO week
    [InlineData("2026-11-29T17:00:00+00:00", "2026-W49", false)] // Sunday UTC is already Monday 01:00 in Shanghai: new week, not due
    [InlineData("2027-01-01T10:00:00+08:00", "2026-W53", true)]  // ISO year: 1 Jan 2027 is in 2026's week 53
    public void WeekKeyAndDue_FollowTheMatrixTimeZone(string instant, string week, bool due)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        var options = new DigestOptions();

        Assert.Equal(week, IsoWeek.KeyOf(at, Shanghai));
        Assert.Equal(due, at >= IsoWeek.StartOf(at, Shanghai) + options.DueAfter);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(5, 300)] // capped at MaxRetryDelay
    [InlineData(9, 300)]
    public void Backoff_DoublesFromRetryDelay_UpToTheCap(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new DigestOptions().BackoffAfter(attempt));

    [Fact]
    public void Recipients_OfficeGetsEverything_ContactsTheirAccounts_OncePerAddress()
    {
        var load = MatrixConfigLoader.Load(DigestMatrix.Write(contacts: 2));
        Assert.Empty(load.Errors);
        var matrix = load.Config! with
        {
            Accounts = [.. load.Config!.Accounts.Select(a => a.Id == DigestMatrix.AccountId(2)
                ? a with { Contacts = [DigestMatrix.Contact(2), DigestMatrix.Contact(1).ToUpperInvariant(), DigestMatrix.Office] }
                : a)],
        };

        var recipients = DigestRecipients.Of(matrix);

        Assert.Equal([DigestMatrix.Office, DigestMatrix.Contact(1), DigestMatrix.Contact(2)], recipients.Select(r => r.Address));
        Assert.Equal(DigestEdition.Office, recipients[0].Edition);
        Assert.Equal(matrix.Accounts.Count, recipients[0].Accounts.Count);
        Assert.Equal([DigestMatrix.AccountId(1), DigestMatrix.AccountId(2)], recipients[1].Accounts.Select(a => a.Id));
        Assert.Equal([DigestMatrix.AccountId(2)], recipients[2].Accounts.Select(a => a.Id));
    }
}
