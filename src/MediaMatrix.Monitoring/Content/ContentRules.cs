namespace MediaMatrix.Monitoring.Content;

/// <summary>What a <see cref="ContentChecker"/> checks, beside its lexicons (docs/content-checks.md).</summary>
public sealed record ContentRules
{
    /// <summary>
    /// Numbers an account publishes on purpose (a service hotline, the office's duty mobile, a donation account): any
    /// separators are ignored, so "0571-8888 1234" and "057188881234" are the same. A hit on one of them never counts.
    /// </summary>
    public IReadOnlyList<string> AllowedNumbers { get; init; } = [];

    /// <summary>Hosts whose links are harmful (gambling, fraud, phishing); their subdomains are denied with them.</summary>
    public IReadOnlyList<string> DeniedHosts { get; init; } = [];

    public bool CheckLexicon { get; init; } = true;

    public bool CheckPrivacy { get; init; } = true;

    public bool CheckLinks { get; init; } = true;

    /// <summary>UTF-16 units of context kept on each side of a match in an excerpt.</summary>
    public int ExcerptRadius { get; init; } = 40;
}
