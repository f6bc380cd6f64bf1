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

    [Theory]
    [InlineData("Dh-Edu", "must be lower-case")]
    [InlineData("dh edu", "must be lower-case")]
    [InlineData("dup", "already used")]
    public async Task StartAsync_RejectsACastWithABadId_NamingIt(string id, string complaint)
    {
        var cast = new[] { TestCast.OneOfEach[1] with { Id = "dup" }, TestCast.OneOfEach[1] with { Id = id } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SimulatorHost.StartAsync(new SimulatorOptions { Cast = cast }, CancellationToken.None));

        Assert.Contains($"cast[1].id: '{id}'", error.Message);
        Assert.Contains(complaint, error.Message);
    }

    [Fact]
    public async Task StartAsync_OnATakenPort_Throws()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var taken = new SimulatorOptions { Port = simulator.Host.BaseUrl.Port, Cast = TestCast.OneOfEach };

        await Assert.ThrowsAnyAsync<IOException>(() => SimulatorHost.StartAsync(taken, CancellationToken.None));
    }
}
