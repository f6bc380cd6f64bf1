using System.Globalization;
using MediaMatrix.Monitoring;
using MediaMatrix.Web.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>The account page's popularity figures (Pages/PopularityContext.razor), rendered by Razor's own HtmlRenderer:
/// context only, labelled so, and absent when the source shows none. The demo's sources carry no such figures, so no
/// page test reaches this section.</summary>
[Collection(DemoWorkplaceCollection.Name)]
public sealed class PopularityContextTests(DemoWorkplace demo)
{
    [Fact]
    public async Task Figures_AreTheFirstFollowerCount_TheMedianRead_AndTheSumsOfLikesAndComments()
    {
        Post[] posts =
        [
            new("a", "一", null, null, Metrics: new PostMetrics(Reads: 300, Likes: 5, Comments: 1)),
            new("b", "二", null, null),
            new("c", "三", null, null, Metrics: new PostMetrics(Reads: 100, Likes: 2, Followers: 12_345)),
            new("d", "四", null, null, Metrics: new PostMetrics(Reads: 2_000, Comments: 4, Followers: 99)),
        ];

        var html = await RenderAsync(posts);

        Assert.Contains("不计入考核", html, StringComparison.Ordinal);
        Assert.Contains("<dd>12,345</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>300</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>7 / 5</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoFigures_NoSection()
    {
        Post[] posts = [new("a", "一", null, null), new("b", "二", null, null, Metrics: new PostMetrics())];

        Assert.Equal("", (await RenderAsync(posts)).Trim());
    }

    private async Task<string> RenderAsync(IReadOnlyList<Post> posts)
    {
        // The host's own services: its localizer and the encoder that leaves Chinese as itself.
        var services = demo.Host.Services;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            return await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<PopularityContext>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Posts"] = posts }))).ToHtmlString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
