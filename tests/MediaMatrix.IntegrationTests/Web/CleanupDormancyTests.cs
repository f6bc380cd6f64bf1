using AngleSharp.Html.Parser;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>Issue 14 point 4: the cleanup board shows each account's dormancy tier, in words, in both languages.</summary>
[Collection(DemoWorkplaceCollection.Name)]
public sealed class CleanupDormancyTests(DemoWorkplace demo)
{
    // 定海应急: a zombie in the demo cast.
    private const string Zombie = "dh-yjgl";

    [Theory]
    [InlineData("zh", "僵尸（建议关停）")]
    [InlineData("en", "Zombie (closure candidate)")]
    public async Task TheBoard_ShowsEveryAccountsDormancyTier_AndTheZombieAsSuch(string lang, string zombieLabel)
    {
        using var viewer = await demo.Host.LogInAsync("viewer", WorkplaceHost.ViewerPassword);
        var html = await viewer.GetStringAsync("/cleanup?lang=" + lang);
        await viewer.GetStringAsync("/?lang=zh"); // the language cookie back to the default for the other tests

        var document = new HtmlParser().ParseDocument(html);
        var header = document.QuerySelectorAll("table.cleanup thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains(lang == "en" ? "Upkeep" : "更新状态", header);
        var rows = document.QuerySelectorAll("table.cleanup tbody tr[data-account]");
        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            var cell = row.QuerySelector("td.dormancy");
            Assert.NotNull(cell);
            Assert.Contains(cell.GetAttribute("data-dormancy"), new[] { "active", "warning", "dormant", "zombie" });
            Assert.NotEqual("", cell.TextContent.Trim());
        });
        var zombie = document.QuerySelector($"table.cleanup tr[data-account='{Zombie}'] td.dormancy");
        Assert.NotNull(zombie);
        Assert.Equal("zombie", zombie.GetAttribute("data-dormancy"));
        Assert.Equal(zombieLabel, zombie.TextContent.Trim());
    }
}
