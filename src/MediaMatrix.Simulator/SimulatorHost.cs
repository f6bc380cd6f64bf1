using System.Net;
using MediaMatrix.Simulator.Cast;
using MediaMatrix.Simulator.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaMatrix.Simulator;

/// <summary>
/// A whole "1+N" matrix on loopback: feeds and CMS list pages for every account in the cast,
/// each with its behaviour. Start it, point a monitor at <see cref="BaseUrl"/>, dispose it.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatedMatrix _matrix;
    private int _disposed;

    private SimulatorHost(WebApplication app, SimulatedMatrix matrix, Uri baseUrl)
    {
        _app = app;
        _matrix = matrix;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the simulator listens, e.g. <c>http://127.0.0.1:5380/</c> (always ends in '/').</summary>
    public Uri BaseUrl { get; }

    /// <summary>How many times anything fetched the XML bomb's external-entity URL; a safe reader leaves it at 0.</summary>
    public int CanaryHits => _matrix.CanaryHits;

    /// <summary>Every source on <paramref name="platform"/> (<c>weibo</c>) answers <paramref name="kind"/> until
    /// <see cref="BringBack"/>, whatever the scheduled outages say.</summary>
    public void TakeDown(string platform, OutageKind kind) => _matrix.Outages.TakeDown(platform, kind);

    /// <summary>Ends an outage <see cref="TakeDown"/> started; scheduled ones keep their schedule.</summary>
    public void BringBack(string platform) => _matrix.Outages.BringBack(platform);

    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken ct)
    {
        CastValidation.ThrowIfInvalid(options.Cast);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name });
        // Quiet by default: the simulator runs inside tests and the demo, whose output is theirs.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));

        var app = builder.Build();
        var matrix = new SimulatedMatrix(options, app.Lifetime.ApplicationStopping);
        app.MapIndex(matrix);
        app.MapSources(matrix);
        app.MapArticles(matrix);
        app.MapRedirects(matrix);
        app.MapCanary(matrix);

        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            // The port may be taken (the demo's fixed 5380): leave nothing half-started behind.
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SimulatorHost(app, matrix, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
