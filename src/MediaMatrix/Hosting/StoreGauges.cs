using Prometheus;

namespace MediaMatrix.Hosting;

/// <summary>The store's health as metrics, beside <see cref="MatrixGauges"/>: alert rules page on these, not on log lines.</summary>
internal static class StoreGauges
{
    /// <summary>1 while Redis runs without AOF or with an evicting policy (reliability R1): it works, but a crash or memory
    /// pressure can lose what we acknowledged. The reason is on /readyz.</summary>
    public static readonly Gauge Degraded = Metrics.CreateGauge("mediamatrix_store_degraded", "1 when the store is reachable but not durable (Redis without AOF or noeviction); see /readyz.");

    /// <summary>Store calls that failed (Redis away, timed out) and were reported rather than lost silently (reliability R3).</summary>
    public static readonly Counter Errors = Metrics.CreateCounter("mediamatrix_store_errors_total", "Store operations that failed, by operation.", "operation");
}
