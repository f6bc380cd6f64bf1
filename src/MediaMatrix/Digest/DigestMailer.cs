using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MediaMatrix.Digest;

/// <summary>What became of one hand-over to the SMTP server.</summary>
/// <remarks><see cref="Unreachable"/> is transient too, but says more: no SMTP conversation started (refused, reset
/// before the greeting, timed out connecting), so the next recipient would most likely fare the same.</remarks>
internal enum SendOutcome { Sent, Transient, Permanent, Unknown, Unreachable }

internal sealed record SendResult(SendOutcome Outcome, string Detail);

/// <summary>
/// Hands one message to the SMTP server over MailKit and says what happened in the terms the delivery record needs:
/// 4xx and connection failures are transient; 5xx is permanent; a failure once the body has started to go out is
/// <see cref="SendOutcome.Unknown"/> — the server may have accepted it, so it is never resent blindly (reliability E3).
/// </summary>
internal sealed class DigestMailer(SmtpOptions options)
{
    /// <param name="beforeData">Runs after the server accepted the envelope and before the body goes out: the caller
    /// records "sending" there, so a crash from then on reads as "maybe delivered", never as "not sent yet".</param>
    public async Task<SendResult> SendAsync(MimeMessage message, Action beforeData, CancellationToken cancellationToken)
    {
        using var client = new EnvelopeAwareClient(beforeData) { Timeout = (int)options.Timeout.TotalMilliseconds };
        var greeted = false;
        try
        {
            await client.ConnectAsync(options.Host, options.Port, options.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            greeted = true;
            if (!string.IsNullOrEmpty(options.User))
                await client.AuthenticateAsync(options.User, options.Password ?? string.Empty, cancellationToken);
            var reply = await client.SendAsync(message, cancellationToken);
            await QuitQuietlyAsync(client);
            return new SendResult(SendOutcome.Sent, reply);
        }
        catch (SmtpCommandException ex)
        {
            // A reply to a command (MAIL, RCPT, or the end of DATA): the code says whether to try again.
            var code = (int)ex.StatusCode;
            return new SendResult(code is >= 400 and < 500 ? SendOutcome.Transient : SendOutcome.Permanent, $"{code} {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return client.BodyStarted ? new SendResult(SendOutcome.Unknown, $"connection lost after the message was handed over: {ex.Message}")
                : greeted ? new SendResult(SendOutcome.Transient, ex.Message)
                : new SendResult(SendOutcome.Unreachable, ex.Message);
        }
    }

    private static async Task QuitQuietlyAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException)
        {
            // The message was accepted (250 after DATA); a failed QUIT changes nothing.
        }
    }

    /// <summary>Notices when the envelope has been accepted: from then on the body may reach the server.</summary>
    private sealed class EnvelopeAwareClient(Action beforeData) : SmtpClient
    {
        public bool BodyStarted { get; private set; }

        protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            base.OnRecipientAccepted(message, mailbox, response);
            beforeData();
            BodyStarted = true;
        }
    }
}
