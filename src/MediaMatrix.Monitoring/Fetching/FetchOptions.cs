namespace MediaMatrix.Monitoring.Fetching;

/// <summary>HTTP settings for reading sources (section <c>Fetch</c> in appsettings.json).</summary>
public sealed class FetchOptions
{
    public string UserAgent { get; set; } = "MediaMatrix/1.0 (+government new-media monitor)";

    /// <summary>One attempt, from sending the request to the last body byte.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The whole fetch including retries; a poll never runs longer than this.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Retries after the first attempt, for transient faults only (connect errors, timeouts, 5xx, 408).</summary>
    public int MaxRetries { get; set; } = 2;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Bodies are cut off here, counted after decompression (a gzip bomb stops at the cap).</summary>
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// The egress proxy every source is read through (<c>http://proxy.example.gov.cn:3128</c>; also https,
    /// socks4, socks4a, socks5), or empty to connect directly. The system proxy (<c>HTTP_PROXY</c>,
    /// <c>HTTPS_PROXY</c>, <c>ALL_PROXY</c>) is never used for sources: the private-address gate has to
    /// judge the target, and behind an implicit proxy it would only ever see the proxy. Checked at start
    /// by <see cref="SourceProxy.Check"/>.
    /// </summary>
    public string? Proxy { get; set; }

    /// <summary>Requests in flight to one host at once: a county's sites share a few CMS hosts.</summary>
    public int MaxConcurrencyPerHost { get; set; } = 4;

    /// <summary>
    /// Least time between the starts of two fetches from one host. Zero by default so the demo and
    /// tests run at full speed; a production matrix on shared county CMS hosts should set e.g. 00:00:01.
    /// </summary>
    public TimeSpan MinIntervalPerHost { get; set; } = TimeSpan.Zero;

    /// <summary>Share of transient failures to one host, within <see cref="BreakerSamplingDuration"/>, that opens its circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.8;

    /// <summary>Fetches to one host needed within the sampling window before its circuit may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an open circuit fails fetches to that host at once, before one probe is let through.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Fails fast at start-up with the settings key in the message. The bounds are the resilience pipeline's
    /// own (Polly rejects a timeout under 10 ms or over a day, a sampling or break duration under 0.5 s).</summary>
    public FetchOptions Validate()
    {
        var day = TimeSpan.FromDays(1);
        SettingRules.NotEmpty(UserAgent, "Fetch:UserAgent");
        SettingRules.Within(AttemptTimeout, TimeSpan.FromMilliseconds(10), day, "Fetch:AttemptTimeout");
        SettingRules.Within(TotalTimeout, TimeSpan.FromMilliseconds(10), day, "Fetch:TotalTimeout");
        SettingRules.Check(TotalTimeout >= AttemptTimeout, "Fetch:TotalTimeout", TotalTimeout, $"must be at least Fetch:AttemptTimeout ({AttemptTimeout})");
        SettingRules.Within(MaxRetries, 0, 10, "Fetch:MaxRetries");
        SettingRules.Within(RetryBaseDelay, TimeSpan.Zero, day, "Fetch:RetryBaseDelay");
        SettingRules.Check(MaxBodyBytes >= 1024, "Fetch:MaxBodyBytes", MaxBodyBytes, "must be at least 1024");
        SettingRules.Within(MaxRedirects, 0, 20, "Fetch:MaxRedirects");
        if (SourceProxy.Check(Proxy, out _) is { } problem)
        {
            // The problem shows the value with any password masked: never print Proxy itself.
            throw new ArgumentException($"Fetch:Proxy: {problem}");
        }

        SettingRules.Within(MaxConcurrencyPerHost, 1, 256, "Fetch:MaxConcurrencyPerHost");
        SettingRules.NotNegative(MinIntervalPerHost, "Fetch:MinIntervalPerHost");
        SettingRules.Check(BreakerFailureRatio is > 0 and <= 1, "Fetch:BreakerFailureRatio", BreakerFailureRatio, "must be above 0 and at most 1");
        SettingRules.Check(BreakerMinimumThroughput >= 2, "Fetch:BreakerMinimumThroughput", BreakerMinimumThroughput, "must be at least 2");
        SettingRules.Within(BreakerSamplingDuration, TimeSpan.FromMilliseconds(500), day, "Fetch:BreakerSamplingDuration");
        SettingRules.Within(BreakerBreakDuration, TimeSpan.FromMilliseconds(500), day, "Fetch:BreakerBreakDuration");
        return this;
    }
}
