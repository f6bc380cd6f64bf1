using MediaMatrix.Hosting;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace MediaMatrix.IntegrationTests.Spine;

/// <summary>
/// Issue 11 point 5: every settings section is checked when the host is built, so a bad value stops start-up with one
/// line naming the key instead of a stack trace later; and the host is one honest composition, each feature registered
/// once, with test overrides applied after all of it.
/// </summary>
public sealed class SettingsValidationTests : IDisposable
{
    private const string Yaml = """
        matrix: { name: 定海区政务新媒体矩阵, timezone: Asia/Shanghai, allowPrivateNetworks: true }
        accounts:
          - { id: dinghaishan, name: 定海山, platform: app, tier: head, department: 区融媒体中心, source: { kind: feed, url: "http://127.0.0.1:9/head.xml" } }
          - { id: dh-edu, name: 定海教育, platform: wechat, tier: member, department: 区教育局, source: { kind: feed, url: "http://127.0.0.1:9/edu.xml" } }
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("mm-settings-").FullName;

    private static MatrixConfig Matrix => MatrixConfigLoader.LoadFromText(Yaml, "matrix.yaml").Config!;

    [Theory]
    [InlineData("Fetch:MaxConcurrencyPerHost", "0", "Fetch:MaxConcurrencyPerHost: 0 must be from 1 to 256")]
    [InlineData("Fetch:TotalTimeout", "00:00:01", "Fetch:TotalTimeout: 00:00:01 must be at least Fetch:AttemptTimeout (00:00:15)")]
    [InlineData("Fetch:BreakerFailureRatio", "0", "Fetch:BreakerFailureRatio: 0 must be above 0 and at most 1")]
    [InlineData("Polling:Parallelism", "0", "Polling:Parallelism: 0 must be from 1 to 1024")]
    [InlineData("Polling:Parallelism", "many", "Polling:Parallelism: 'many' is not a whole number")]
    [InlineData("Polling:HeadInterval", "-01:00:00", "Polling:HeadInterval: -01:00:00 must be positive")]
    [InlineData("Polling:Jitter", "0.9", "Polling:Jitter: 0.9 must be from 0 to 0.5")]
    [InlineData("Alerts:ExtractionBrokenAfter", "0", "Alerts:ExtractionBrokenAfter: 0 must be at least 1")]
    [InlineData("Alerts:CollectionDownAfter", "soon", "Alerts:CollectionDownAfter: 'soon' is not a duration like 00:05:00 (hh:mm:ss) or 1.00:00:00 (one day)")]
    [InlineData("Rhythm:WeeklyPatrol", "every monday", "Rhythm:WeeklyPatrol: 'every monday' is not a Quartz cron expression (seconds first, e.g. 0 30 8 ? * MON)")]
    [InlineData("Rhythm:TimeZone", "Mars/Olympus", "Rhythm:TimeZone: 'Mars/Olympus' is not a known time zone; use an IANA id such as Asia/Shanghai")]
    [InlineData("Rhythm:SpotCheckSampleSize", "-1", "Rhythm:SpotCheckSampleSize: -1 must be from 0 to 10000")]
    [InlineData("Store:KeyPrefix", "mm{x}", "Store:KeyPrefix: 'mm{x}' must be non-empty and contain no braces")]
    [InlineData("Store:PostRetention", "00:00:00", "Store:PostRetention: 00:00:00 must be positive")]
    [InlineData("Store:Kind", "postgres", "Store:Kind: unknown store 'postgres'; use memory or redis")]
    [InlineData("Assessment:CollectionFreshness", "00:00:00", "Assessment:CollectionFreshness: 00:00:00 must be positive")]
    [InlineData("Assessment:VetoWindow", "14.00:00:00", "Assessment:VetoWindow: this is a rule, not a setting: set it in the matrix's rule pack (rules: pack / overrides, see config/rules/README.md)")]
    [InlineData("Tasks:TitleSimilarity", "1.5", "Tasks:TitleSimilarity: 1.5 must be above 0 and at most 1")]
    [InlineData("Metrics:FlaggedSeriesCap", "-1", "Metrics:FlaggedSeriesCap: -1 must not be negative")]
    [InlineData("Metrics:Port", "nine-thousand", "Metrics:Port (env Metrics__Port) must be a port number 1–65535, or 0/empty to serve /metrics on the UI port; got \"nine-thousand\".")]
    [InlineData("Web:ReportMaxAge", "-00:00:01", "Web:ReportMaxAge: -00:00:01 must not be negative")]
    [InlineData("Notifications:MaxAttempts", "0", "Notifications:MaxAttempts: '0' is not a whole number from 1 to 20")]
    [InlineData("Digest:Cron", "monday 9am", "Digest:Cron: 'monday 9am' is not a Quartz cron expression (seconds first, e.g. 0 30 8 ? * MON)")]
    [InlineData("Digest:MaxAttempts", "0", "Digest:MaxAttempts: 0 must be from 1 to 1000")]
    [InlineData("Smtp:Port", "0", "Smtp:Port: 0 must be from 1 to 65535")]
    [InlineData("Smtp:From", "nobody", "Smtp:From: 'nobody' is not an e-mail address (e.g. MediaMatrix <noreply@example.gov.cn>)")]
    [InlineData("Auth:LockoutFailures", "0", "Auth:LockoutFailures: 0 must be from 1 to 1000")]
    [InlineData("Auth:TrustedProxies:0", "proxy.local", "Auth:TrustedProxies:0: 'proxy.local' is not an IP address")]
    [InlineData("Scheduler:DispatchShards", "65", "Scheduler:DispatchShards: 65 must be from 1 to 64")]
    [InlineData("Scheduler:EvaluationInterval", "00:00:00", "Scheduler:EvaluationInterval: 00:00:00 must be positive")]
    public void Serve_WithOneBadValue_DoesNotStart_AndSaysWhichKeyInOneLine(string key, string value, string expected)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var error = Assert.Throws<SettingsException>(() => MonitorHost.Build(settings, Matrix));

        Assert.Equal(expected, Assert.Single(error.Problems));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void ABadUserRole_NamesTheUsersKey()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Users:0:Name"] = "wang",
            ["Auth:Users:0:Role"] = "root",
        }).Build();

        var error = Assert.Throws<SettingsException>(() => MonitorHost.Build(settings, Matrix));

        Assert.Equal("Auth:Users:0:Role: 'root' is not a role; use viewer, operator or admin", error.Message);
    }

    [Fact]
    public async Task Check_WithABadPollingValue_ExitsOneWithTheSettingsLineAndNoStackTrace()
    {
        var config = Path.Combine(directory, "matrix.yaml");
        await File.WriteAllTextAsync(config, Yaml);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), new Dictionary<string, string> { ["Polling__Parallelism"] = "0" },
            "check", "--config", config);

        Assert.Equal(1, exit);
        Assert.Equal("mediamatrix: settings: Polling:Parallelism: 0 must be from 1 to 1024", stderr.Trim());
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task Serve_WithABadCron_ExitsOneWithTheSettingsLine()
    {
        var config = Path.Combine(directory, "matrix.yaml");
        await File.WriteAllTextAsync(config, Yaml);

        var (exit, _, stderr) = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), new Dictionary<string, string> { ["Rhythm__WeeklyPatrol"] = "every monday" },
            "serve", "--config", config, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, exit);
        Assert.Equal("mediamatrix: settings: Rhythm:WeeklyPatrol: 'every monday' is not a Quartz cron expression (seconds first, e.g. 0 30 8 ? * MON)", stderr.Trim());
    }

    [Fact]
    public async Task Overrides_RunAfterEveryRegistration_AndReplaceAnyService()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-02T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));
        var store = new InMemoryPostStore(new StoreOptions());
        var settings = new ConfigurationBuilder().Build();

        await using var app = MonitorHost.Build(settings, Matrix, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            services.Replace(ServiceDescriptor.Singleton<IPostStore>(store));
        });

        Assert.Same(clock, app.Services.GetRequiredService<TimeProvider>());
        Assert.Same(store, app.Services.GetRequiredService<IPostStore>());
    }

    [Fact]
    public async Task EveryServiceOfOurs_IsRegisteredOnce_SmtpIncluded()
    {
        IServiceCollection? registered = null;
        await using var app = MonitorHost.Build(new ConfigurationBuilder().Build(), Matrix, services => registered = services);

        // Enumerables by design: hosted services, and the alert listeners (the counters and the notices).
        var ours = registered!.Where(d => d.ServiceType.Assembly.GetName().Name is "mediamatrix" or "MediaMatrix.Monitoring")
            .Where(d => d.ServiceType != typeof(MediaMatrix.Monitoring.Alerts.IAlertListener));
        var twice = ours.GroupBy(d => d.ServiceType).Where(g => g.Count() > 1).Select(g => g.Key.Name).ToList();
        Assert.Empty(twice);
        Assert.Single(registered!, d => d.ServiceType == typeof(MediaMatrix.Digest.SmtpOptions));
        Assert.Equal(2, registered!.Count(d => d.ServiceType == typeof(MediaMatrix.Monitoring.Alerts.IAlertListener)));
        Assert.Contains(registered!, d => d.ServiceType == typeof(IHostedService));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
