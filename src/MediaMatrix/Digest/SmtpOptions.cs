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
}
