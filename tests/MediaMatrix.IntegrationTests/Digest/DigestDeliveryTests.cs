using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Diagnostics;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using MimeKit;

namespace MediaMatrix.IntegrationTests.Digest;

/// <summary>The weekly digest sent to a real SMTP conversation on loopback (MailKit → <see cref="LoopbackSmtpServer"/>),
/// read back with MimeKit. In-process, over the in-memory store; the cross-replica scenarios are in <see cref="DigestExactlyOnceTests"/>.</summary>
public sealed class DigestDeliveryTests : IAsyncLifetime
{
    private const string HostileTitle = "<script>alert('x')</script><img src=x onerror=alert(1)>关于\"整改\"的通知 & 更多";

    private readonly LoopbackSmtpServer smtp = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await smtp.DisposeAsync();

    private static async Task SeedHostilePostAsync(IPostStore store)
    {
        var now = TimeProvider.System.GetUtcNow();
        // Last post 20 days ago: the 14-day veto makes member-01 unqualified, so the digest lists it with its newest title.
        await store.RecordPollAsync(new PollRecord(DigestMatrix.AccountId(1),
            [new Post("p1", HostileTitle, "javascript:alert(1)", now.AddDays(-20))],
            new PollState(LastAttemptAt: now, LastSuccessAt: now, NextDueAt: now.AddHours(1))), CancellationToken.None);
    }

    [Fact]
    public async Task Digest_GoesToOfficeAndEachContact_WithChineseSubject_BothParts_AndTheirOwnAccounts()
    {
        await using var node = new DigestNode(DigestMatrix.Write(contacts: 3), smtp.Port);
        await SeedHostilePostAsync(node.Posts);

        var result = await node.Digest.SendAsync(CancellationToken.None);

        Assert.Equal(4, result.Sent);
        Assert.Equal(DigestMatrix.AllRecipients(3).Order(), smtp.Acknowledged.Select(m => m.Recipient).Order());
        foreach (var mail in smtp.Acknowledged)
        {
            Assert.Equal([mail.Recipient], mail.Message.To.Mailboxes.Select(m => m.Address));
            Assert.StartsWith("【新媒体矩阵周报】", mail.Message.Subject, StringComparison.Ordinal);
            Assert.Contains("合格率", mail.Message.TextBody, StringComparison.Ordinal);
            Assert.Contains("合格率", mail.Message.HtmlBody, StringComparison.Ordinal);
            Assert.Equal("multipart/alternative", mail.Message.Body!.ContentType.MimeType);
        }

        var office = smtp.Acknowledged.Single(m => m.Recipient == DigestMatrix.Office).Message;
        Assert.Contains("成员账号2", office.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://mediamatrix.dinghai.example.gov.cn/", office.HtmlBody, StringComparison.Ordinal);

        // A department's edition lists only the accounts naming that contact.
        var contact1 = smtp.Acknowledged.Single(m => m.Recipient == DigestMatrix.Contact(1)).Message;
        Assert.Contains("成员账号1", contact1.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("成员账号2", contact1.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("部门1", contact1.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostilePostTitle_ArrivesEncodedInHtml_AndAsPlainTextInTheTextPart()
    {
        await using var node = new DigestNode(DigestMatrix.Write(contacts: 1), smtp.Port);
        await SeedHostilePostAsync(node.Posts);

        await node.Digest.SendAsync(CancellationToken.None);

        var office = smtp.Acknowledged.Single(m => m.Recipient == DigestMatrix.Office).Message;
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", office.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(HostileTitle, office.TextBody, StringComparison.Ordinal);
        AssertNoActiveContent(office.HtmlBody!);
    }

    [Fact]
    public async Task X4_CrLfInTheMatrixName_CannotInjectHeaders()
    {
        await using var node = new DigestNode(DigestMatrix.Write(contacts: 1, matrixName: "定海\r\nBcc: evil@attacker.example\r\nX-Injected: yes"), smtp.Port);
        await SeedHostilePostAsync(node.Posts);

        await node.Digest.SendAsync(CancellationToken.None);

        Assert.All(smtp.Received, m => Assert.EndsWith("dinghai.example.gov.cn", m.Recipient, StringComparison.Ordinal));
        foreach (var mail in smtp.Acknowledged)
        {
            Assert.Empty(mail.Message.Bcc);
            Assert.False(mail.Message.Headers.Contains("X-Injected"));
            Assert.DoesNotContain("\n", mail.Message.Subject, StringComparison.Ordinal);
            Assert.DoesNotContain("\r", mail.Message.Subject, StringComparison.Ordinal);
            AssertNoActiveContent(mail.Message.HtmlBody!);
        }
    }

    [Fact]
    public async Task E3_ConnectionDropsAfterTheBody_IsUnknown_AndNotResent()
    {
        smtp.DropAfterBody = r => r == DigestMatrix.Contact(1);
        await using var node = new DigestNode(DigestMatrix.Write(contacts: 2), smtp.Port);
        var unknownBefore = MatrixMetrics.DigestSends.WithLabels("department", "unknown").Value;

        var first = await node.Digest.SendAsync(CancellationToken.None);
        var second = await node.Digest.SendAsync(CancellationToken.None);

        Assert.Equal(1, first.Unknown);
        Assert.Equal(2, first.Sent);
        Assert.Equal(0, second.Sent + second.Unknown);
        Assert.Single(smtp.Received, m => m.Recipient == DigestMatrix.Contact(1));
        var week = (await node.Digests.GetDigestDeliveriesAsync(first.WeekKey, CancellationToken.None)).Single(d => d.Recipient == DigestMatrix.Contact(1));
        Assert.Equal(DigestDeliveryState.Unknown, week.State);
        Assert.True(MatrixMetrics.DigestSends.WithLabels("department", "unknown").Value >= unknownBefore + 1, "an unknown delivery is counted in metrics");
    }

    [Fact]
    public async Task E5_TransientRefusals_ThenAccepted_IsDelivered_WithRetriesSpacedByBackoff()
    {
        var refusals = 0;
        smtp.RcptReply = r => r == DigestMatrix.Office && Interlocked.Increment(ref refusals) <= 3 ? "451 4.3.0 try again later" : "250 OK";
        await using var node = new DigestNode(DigestMatrix.Write(contacts: 1), smtp.Port);
        var retriesBefore = MatrixMetrics.DigestSends.WithLabels("office", "retry").Value;

        var result = await node.Digest.SendAsync(CancellationToken.None);

        // The run does not wait out the office's back-off: the contact goes now, the office is left to the outbox.
        Assert.Equal((1, 1), (result.Sent, result.Queued));
        Assert.Single(smtp.Acknowledged, m => m.Recipient == DigestMatrix.Contact(1));
        await node.Outbox.DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(MatrixMetrics.DigestSends.WithLabels("office", "retry").Value >= retriesBefore + 3, "each refused attempt is counted in metrics");
        Assert.Single(smtp.Acknowledged, m => m.Recipient == DigestMatrix.Office);
        var attempts = smtp.RcptLog.Where(r => r.Recipient == DigestMatrix.Office).Select(r => r.At).ToList();
        Assert.Equal(4, attempts.Count);

        // Back-off 100 ms, 200 ms, 400 ms: each gap at least its delay, and growing.
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToList();
        Assert.True(gaps[0] >= TimeSpan.FromMilliseconds(100), $"gaps {string.Join(", ", gaps)}");
        Assert.True(gaps[1] >= TimeSpan.FromMilliseconds(200), $"gaps {string.Join(", ", gaps)}");
        Assert.True(gaps[2] >= TimeSpan.FromMilliseconds(400), $"gaps {string.Join(", ", gaps)}");
        var record = (await node.Digests.GetDigestDeliveriesAsync(result.WeekKey, CancellationToken.None)).Single(d => d.Recipient == DigestMatrix.Office);
        Assert.Equal((DigestDeliveryState.Sent, 4), (record.State, record.Attempts));
    }

    [Fact]
    public async Task E6_PermanentRefusalForOne_IsFailedPermanent_OthersUnaffected()
    {
        smtp.RcptReply = r => r == DigestMatrix.Contact(2) ? "550 5.1.1 no such mailbox" : "250 OK";
        await using var node = new DigestNode(DigestMatrix.Write(contacts: 3), smtp.Port);

        var result = await node.Digest.SendAsync(CancellationToken.None);
        var again = await node.Digest.SendAsync(CancellationToken.None);

        Assert.Equal((3, 1), (result.Sent, result.FailedPermanent));
        Assert.Equal(0, again.Sent + again.FailedPermanent);
        Assert.Single(smtp.RcptLog, r => r.Recipient == DigestMatrix.Contact(2));
        var states = (await node.Digests.GetDigestDeliveriesAsync(result.WeekKey, CancellationToken.None)).ToDictionary(d => d.Recipient, d => d.State);
        Assert.Equal(DigestDeliveryState.FailedPermanent, states[DigestMatrix.Contact(2)]);
        Assert.All(DigestMatrix.AllRecipients(3).Where(r => r != DigestMatrix.Contact(2)), r => Assert.Equal(DigestDeliveryState.Sent, states[r]));
    }

    /// <summary>X4: no script, no event handler, no style sheet link, and every link http(s).</summary>
    private static void AssertNoActiveContent(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[^>]+\\son[a-z]+\\s*=", html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        foreach (System.Text.RegularExpressions.Match href in System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"([^\"]*)\""))
            Assert.Matches("^https?://", href.Groups[1].Value);
    }
}
