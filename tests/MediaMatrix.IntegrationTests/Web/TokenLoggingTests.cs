using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaMatrix.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>Reliability A6, the "never logged" half: every log line of a host, at Trace, while a token is issued, used,
/// revoked and tried again, is searched for the token text.</summary>
public sealed class TokenLoggingTests
{
    [Fact]
    public async Task A6_TheTokenText_NeverReachesALogLine()
    {
        var lines = new ConcurrentQueue<string>();
        await using var simulator = await DemoSimulator.StartAsync();
        await using var host = await WorkplaceHost.StartAsync(simulator.ConfigPath,
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" },
            services => services.AddSingleton<ILoggerProvider>(new CapturingProvider(lines)));

        using var admin = await host.LogInAsync("admin", WorkplaceHost.AdminPassword);
        var csrf = WorkplaceHost.TokenIn(await admin.GetStringAsync("/"));
        admin.DefaultRequestHeaders.Add("X-CSRF-Token", csrf);
        using var issued = await admin.PostAsJsonAsync("/api/v1/admin/tokens", new { user = "operator", name = "logging" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("token").GetString()!;

        using var robot = host.Client();
        robot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await robot.GetAsync("/api/v1/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/tokens/{body.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await robot.GetAsync("/api/v1/accounts")).StatusCode);

        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal) || l.Contains(secret[4..20], StringComparison.Ordinal));
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capturing(lines, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class Capturing(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"{category} scope {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {formatter(state, exception)} {exception}");
    }
}
