using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Rhythm;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Tests;

/// <summary>The engine's settings sections check themselves: the shipped defaults pass, and a bad value names its full key.</summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        new FetchOptions().Validate();
        new PollOptions().Validate();
        new AlertOptions().Validate();
        new RhythmOptions().Validate();
        new TaskMatchOptions().Validate();
        new StoreOptions().Validate();
    }

    [Fact]
    public void ABadLadderStep_NamesItsIndex()
    {
        var options = new PollOptions { BackoffLadder = [TimeSpan.FromMinutes(1), TimeSpan.Zero] };

        var error = Assert.Throws<ArgumentException>(() => options.Validate());

        Assert.Equal("Polling:BackoffLadder:1: 00:00:00 must be positive", error.Message);
    }

    [Fact]
    public void AnEmptyLadder_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PollOptions { BackoffLadder = [] }.Validate());

        Assert.StartsWith("Polling:BackoffLadder: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProxyWithAPassword_IsRefused_WithoutShowingThePassword()
    {
        var error = Assert.Throws<ArgumentException>(() => new FetchOptions { Proxy = "http://user:hunter2@proxy.example.gov.cn:3128/x" }.Validate());

        Assert.StartsWith("Fetch:Proxy: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStoreNamesItsSettingsKey()
    {
        var error = Assert.Throws<ArgumentException>(() => new InMemoryPostStore(new StoreOptions { MaxPostsPerAccount = 0 }));

        Assert.Equal("Store:MaxPostsPerAccount: 0 must be at least 1", error.Message);
    }
}
