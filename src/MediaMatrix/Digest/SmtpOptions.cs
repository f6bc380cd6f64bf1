using MediaMatrix.Monitoring;
using MimeKit;

namespace MediaMatrix.Digest;

/// <summary>The <c>Smtp</c> settings section (environment: <c>Smtp__Host</c>, <c>Smtp__Port</c>, ...).</summary>
internal sealed record SmtpOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 25;

    /// <summary>The sender address (<c>MediaMatrix &lt;noreply@example.gov.cn&gt;</c> or a bare address).</summary>
    public string From { get; init; } = "mediamatrix@localhost";

    /// <summary>Upgrade the connection with STARTTLS (required when true). Off for a relay on loopback.</summary>
    public bool StartTls { get; init; }

    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>How long one SMTP conversation may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Fails fast at start-up with the settings key in the message.</summary>
    public SmtpOptions Validate()
    {
        SettingRules.NotEmpty(Host, "Smtp:Host");
        SettingRules.Within(Port, 1, 65535, "Smtp:Port");
        SettingRules.Check(MailboxAddress.TryParse(From, out var from) && from.Address.Contains('@', StringComparison.Ordinal), "Smtp:From", From,
            "is not an e-mail address (e.g. MediaMatrix <noreply@example.gov.cn>)");
        SettingRules.Positive(Timeout, "Smtp:Timeout");
        return this;
    }
}
