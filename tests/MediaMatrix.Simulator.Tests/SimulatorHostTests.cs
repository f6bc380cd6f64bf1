namespace MediaMatrix.Simulator.Tests;

public sealed class SimulatorHostTests
{
    [Fact]
    public async Task PortZero_ListensOnAFreeLoopbackPort()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        Assert.Equal("127.0.0.1", simulator.Host.BaseUrl.Host);
        Assert.NotEqual(0, simulator.Host.BaseUrl.Port);
        Assert.EndsWith("/", simulator.Host.BaseUrl.AbsoluteUri);
        Assert.Equal("ok", await simulator.GetStringAsync("healthz"));
    }

    [Fact]
    public async Task Index_LinksEveryAccountsSource()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var html = await simulator.GetStringAsync("");

        Assert.All(TestCast.OneOfEach, account => Assert.Contains($"href=\"/{account.SourcePath}\"", html));
    }

    [Fact]
    public async Task DefaultCast_IsTheDemoCast()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions(), CancellationToken.None);
        using var http = new HttpClient { BaseAddress = host.BaseUrl };

        var rss = await http.GetStringAsync("feeds/dinghaishan/rss.xml");

        Assert.Contains("<title>定海山</title>", rss);
    }
}
