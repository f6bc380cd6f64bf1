using System.Net;
using System.Text.RegularExpressions;
using MediaMatrix.Access;
using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Matrix;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>
/// The real host (MonitorHost.Build, the same as <c>serve</c>) on a free loopback port, with three users:
/// viewer, operator and admin. Each instance owns its users, lockouts, rate limits and Quartz scheduler.
/// </summary>
public sealed partial class WorkplaceHost : IAsyncDisposable
{
    public const string ViewerPassword = "viewer-pass-1";
    public const string OperatorPassword = "operator-pass-1";
    public const string AdminPassword = "admin-pass-1";

    private readonly WebApplication _app;

    private WorkplaceHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public WebApplication App => _app;

    public static async Task<WorkplaceHost> StartAsync(string matrixConfigPath, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? overrides = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Matrix:Config"] = matrixConfigPath,
            ["Store:Kind"] = "memory",
            ["Scheduler:DispatchInterval"] = "00:00:02",
            ["Scheduler:EvaluationInterval"] = "00:01:00",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Auth:Users:0:Name"] = "viewer",
            ["Auth:Users:0:Role"] = "viewer",
            ["Auth:Users:0:PasswordHash"] = UserDirectory.Hash(ViewerPassword),
            ["Auth:Users:1:Name"] = "operator",
            ["Auth:Users:1:Role"] = "operator",
            ["Auth:Users:1:PasswordHash"] = UserDirectory.Hash(OperatorPassword),
            ["Auth:AdminPassword"] = AdminPassword,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var settings = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var matrix = MatrixConfigLoader.Load(matrixConfigPath).Config ?? throw new InvalidOperationException("bad matrix config");
        var app = MonitorHost.Build(settings, matrix, services =>
        {
            // Several hosts live in one test process: each needs its own Quartz scheduler name.
            services.Configure<QuartzOptions>(o => o.Properties["quartz.scheduler.instanceName"] = "test-" + Guid.NewGuid().ToString("N"));
            overrides?.Invoke(services);
        });
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WorkplaceHost(app, new Uri(address + "/"));
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseUrl };

    public async Task<HttpClient> LogInAsync(string user, string password)
    {
        var client = Client();
        var response = await PostFormAsync(client, "/login", new() { ["username"] = user, ["password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts a form the way a browser does: first GETs <paramref name="formPage"/> for its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string formPage = "/login")
    {
        var page = await client.GetStringAsync(formPage);
        fields["__csrf"] = CsrfToken().Match(page).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static string TokenIn(string page) => CsrfToken().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
