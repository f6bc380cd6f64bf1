using System.Net;
using AngleSharp.Html.Parser;
using MediaMatrix.Web;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>The account page and the content findings queue as Razor components (ADR 0007): the sections in their
/// order, the operator forms with their fields, and the refusals as the shared problem page with the way back.</summary>
[Collection(DemoWorkplaceCollection.Name)]
public sealed class AccountPageTests(DemoWorkplace demo)
{
    [Fact]
    public async Task AccountPage_ShowsItsSectionsInOrder_AndOperatorFormsOnlyToOperators()
    {
        using var op = await demo.Host.LogInAsync("operator", WorkplaceHost.OperatorPassword);
        using var viewer = await demo.Host.LogInAsync("viewer", WorkplaceHost.ViewerPassword);
        var parser = new HtmlParser();

        var page = parser.ParseDocument(await op.GetStringAsync("/accounts/dh-edu?lang=zh"));
        string[] order = ["p.summary", "table.parts", "ul.reasons", "section.evidence", "svg.score-history", "table.poll", "table.tasks",
            "ol.timeline", "section.content-findings", "section.findings", "ul.account-alerts", "ul.decisions"];
        var positions = order.Select(s => Array.IndexOf([.. page.All], page.QuerySelector(s) ?? throw new Xunit.Sdk.XunitException($"no {s}"))).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal("/accounts/dh-edu/findings", page.QuerySelector("form.record-finding")!.GetAttribute("action"));
        Assert.Equal(FindingInput.Kinds.Select(k => k.Name), page.QuerySelectorAll("form.record-finding select[name=kind] option").Select(o => o.GetAttribute("value")));
        Assert.NotNull(page.QuerySelector("form.record-finding input[name=__csrf]"));
        // The evidence line reads "time post", not "timepost".
        Assert.Matches("</time> <(a|span) ", page.QuerySelector("section.evidence dd")!.InnerHtml);

        var seen = parser.ParseDocument(await viewer.GetStringAsync("/accounts/dh-edu?lang=zh"));
        Assert.Null(seen.QuerySelector("form.record-finding"));
        Assert.Empty(seen.QuerySelectorAll("form.clear-finding, form.confirm-finding, form.dismiss-finding"));
    }

    [Fact]
    public async Task Refusals_AreTheProblemPage_InTheAskedLanguage_WithTheWayBack()
    {
        using var op = await demo.Host.LogInAsync("operator", WorkplaceHost.OperatorPassword);
        var parser = new HtmlParser();

        using var status = await op.GetAsync("/content-findings?status=bogus&lang=en");
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        var queue = parser.ParseDocument(await status.Content.ReadAsStringAsync());
        Assert.Equal("Content findings · MediaMatrix", queue.Title);
        Assert.StartsWith("status: one of", queue.QuerySelector("main p.error[role=alert]")!.TextContent, StringComparison.Ordinal);

        using var kind = await WorkplaceHost.PostFormAsync(op, "/accounts/dh-edu/findings", new() { ["kind"] = "<b>nope</b>", ["text"] = "x" }, "/accounts/dh-edu?lang=zh");
        Assert.Equal(HttpStatusCode.BadRequest, kind.StatusCode);
        var refused = parser.ParseDocument(await kind.Content.ReadAsStringAsync());
        Assert.Equal("人工检查发现 · MediaMatrix", refused.Title);
        Assert.StartsWith("kind: one of", refused.QuerySelector("main p.error[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/accounts/dh-edu", refused.QuerySelector("main a")!.GetAttribute("href"));

        using var decision = await WorkplaceHost.PostFormAsync(op, "/content-findings/cf-none/maybe", new() { ["note"] = "x" }, "/accounts/dh-edu");
        Assert.Equal(HttpStatusCode.BadRequest, decision.StatusCode);
        Assert.StartsWith("decision: one of", parser.ParseDocument(await decision.Content.ReadAsStringAsync()).QuerySelector("main p.error")!.TextContent, StringComparison.Ordinal);
    }
}
