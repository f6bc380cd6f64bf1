using MediaMatrix.Monitoring;

namespace MediaMatrix.Hosting;

/// <summary>The <c>Metrics</c> settings section: how many per-account series a scrape may carry (performance M1).</summary>
internal sealed record MetricsOptions
{
    /// <summary>Up to this many configured accounts, every account has its series; above it only flagged accounts do.</summary>
    public int AccountSeriesCap { get; init; } = 2000;

    /// <summary>Above the cap, at most this many flagged accounts (worst first) keep their series, so a scrape stays
    /// under 2k series and 200 KB however many accounts are flagged. The matrix aggregates always count them all.</summary>
    public int FlaggedSeriesCap { get; init; } = 100;

    /// <summary>Fails fast at start-up with the settings key in the message.</summary>
    public MetricsOptions Validate()
    {
        SettingRules.Check(AccountSeriesCap >= 0, "Metrics:AccountSeriesCap", AccountSeriesCap, "must not be negative");
        SettingRules.Check(FlaggedSeriesCap >= 0, "Metrics:FlaggedSeriesCap", FlaggedSeriesCap, "must not be negative");
        return this;
    }
}
