using MediaMatrix.Digest;
using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace MediaMatrix.IntegrationTests.Digest;

/// <summary>One in-process "replica": its own service provider (and, with Redis, its own connection) over the shared store.</summary>
internal sealed class DigestNode : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public DigestNode(string configPath, int smtpPort, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Matrix:Config"] = configPath,
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "MediaMatrix <noreply@dinghai.example.gov.cn>",
            ["Smtp:Timeout"] = "00:00:30",
            ["Digest:BaseUrl"] = "https://mediamatrix.dinghai.example.gov.cn/",
            ["Digest:RetryDelay"] = "00:00:00.100",
            ["Digest:MaxRetryDelay"] = "00:00:01",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            values[key] = value;
        var settings = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var load = MatrixConfigLoader.Load(configPath);
        Assert.Empty(load.Errors);
        Matrix = load.Config!;

        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddMonitoring(settings, Matrix).AddSmtp(settings).AddWeeklyDigest(settings);
        provider = services.BuildServiceProvider();
    }

    public MatrixConfig Matrix { get; }

    public WeeklyDigest Digest => provider.GetRequiredService<WeeklyDigest>();

    public IPostStore Posts => provider.GetRequiredService<IPostStore>();

    public IDigestStore Digests => provider.GetRequiredService<IDigestStore>();

    /// <summary>Where a run leaves the recipients it could not reach, to retry on their back-off.</summary>
    public DigestOutbox Outbox => provider.GetRequiredService<DigestOutbox>();

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
