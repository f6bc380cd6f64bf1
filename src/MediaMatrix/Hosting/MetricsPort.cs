namespace MediaMatrix.Hosting;

/// <summary>
/// An optional second port for /metrics (<c>Metrics:Port</c>, env <c>Metrics__Port</c>). With it set, /metrics is
/// answered only there and the port answers nothing else, so an Ingress in front of the UI port never exposes the
/// per-account series, and a NetworkPolicy can open the metrics port to Prometheus alone.
/// </summary>
internal static class MetricsPort
{
    public const string Setting = "Metrics:Port";
    private const string MetricsPath = "/metrics";

    /// <summary>The configured port, or null when /metrics shares the UI port.</summary>
    /// <exception cref="SettingsException">The setting is not a port number.</exception>
    public static int? Read(IConfiguration settings)
    {
        var raw = settings[Setting];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (!int.TryParse(raw, out var port) || port is < 0 or > 65535)
        {
            throw new SettingsException($"{Setting} (env Metrics__Port) must be a port number 1–65535, or 0/empty to serve /metrics on the UI port; got \"{raw}\".");
        }

        return port == 0 ? null : port;
    }

    /// <summary>Keeps the two ports apart: /metrics only on the metrics port, everything else only on the others.</summary>
    public static WebApplication UseMetricsPort(this WebApplication app, int? port)
    {
        if (port is not { } metricsPort)
        {
            return app;
        }

        app.Use((context, next) =>
        {
            var onMetricsPort = context.Connection.LocalPort == metricsPort;
            var isMetrics = context.Request.Path.Equals(MetricsPath, StringComparison.OrdinalIgnoreCase);
            if (onMetricsPort != isMetrics)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>The metrics listener's address: the first UI address with its port swapped, so a loopback UI gets a
    /// loopback metrics port and <c>http://+:8080</c> gets <c>http://+:9090</c>.</summary>
    public static string ListenAddress(string firstUrl, int port) =>
        $"http://{Microsoft.AspNetCore.Http.BindingAddress.Parse(firstUrl).Host}:{port}";
}
