using System.Net;
using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.Simulator.Tests;

public sealed class SyntheticCastTests
{
    [Fact]
    public void Create_GivesOneHeadAndUniqueMembersInEveryFormat()
    {
        var cast = SyntheticCast.Create(1_000);

        Assert.Equal(1_001, cast.Count);
        Assert.Single(cast, account => account.IsHead);
        Assert.Equal(cast.Count, cast.Select(account => account.Id).Distinct().Count());
        Assert.Equal(Enum.GetValues<SourceFormat>().Length, cast.Select(account => account.Format).Distinct().Count());
        Assert.Equal(cast, SyntheticCast.Create(1_000));
    }

    [Fact]
    public async Task TenThousandAccounts_ServePaddedPagesOfTheCastSize()
    {
        var cast = SyntheticCast.Create(10_000, htmlPageBytes: 100_000);
        await using var simulator = await RunningSimulator.StartAsync(cast);

        foreach (var account in cast.Where(account => account.Format == SourceFormat.HtmlList).Take(5))
        {
            using var response = await simulator.Http.GetAsync(account.SourcePath);
            var page = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.InRange(response.Content.Headers.ContentLength ?? 0, 99_000, 101_000);
            Assert.Contains("<ul class=\"news-list\">", page);
        }

        using var last = await simulator.Http.GetAsync(cast[^1].SourcePath);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
    }
}
