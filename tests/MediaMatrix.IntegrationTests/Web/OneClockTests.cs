using System.Globalization;
using MediaMatrix.Monitoring.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>One clock: the account page showed poll times in UTC, unmarked, beside evaluation times in Beijing time. Every
/// time on a page is in the matrix's zone, and the page says which zone, once.</summary>
[Collection(DemoWorkplaceCollection.Name)]
public sealed class OneClockTests(DemoWorkplace demo)
{
    [Fact]
    public async Task AccountPage_ShowsPollTimesInTheMatrixZone_AndNamesTheZone()
    {
        using var client = await demo.Host.LogInAsync("viewer", WorkplaceHost.ViewerPassword);
        var store = demo.Host.Services.GetRequiredService<IPostStore>();
        var state = (await store.GetPollStatesAsync(["dh-edu"], CancellationToken.None))["dh-edu"];
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        var page = await client.GetStringAsync("/accounts/dh-edu");

        Assert.Equal(TimeSpan.Zero, state.NextDueAt!.Value.Offset); // stored in UTC: the page must convert it
        Assert.Equal(Local(state.NextDueAt.Value), Cell(page, "下次采集"));
        Assert.Equal(Local(state.LastAttemptAt!.Value), Cell(page, "上次尝试"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(System.Net.WebUtility.HtmlDecode(page), "页面时间均为 Asia/Shanghai（UTC\\+08:00）"));
        Assert.Contains("Times on this page are Asia/Shanghai (UTC+08:00)", System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/accounts/dh-edu?lang=en")), StringComparison.Ordinal);
        await client.GetStringAsync("/?lang=zh"); // the language cookie back to the default for the other tests

        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    private static string Cell(string page, string header) =>
        System.Text.RegularExpressions.Regex.Match(page, $"<th>{header}</th><td>([^<]*)</td>").Groups[1].Value;
}
