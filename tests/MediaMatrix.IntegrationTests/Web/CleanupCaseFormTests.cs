using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>The case forms and the case API over HTTP: a bad step record is a 400 naming the field, a viewer cannot
/// record, and /api/v1/cases lists the case with each step's state.</summary>
[Collection(DemoWorkplaceCollection.Name)]
public sealed class CleanupCaseFormTests(DemoWorkplace demo)
{
    // 定海农业农村: dormant in the demo cast, so its proposal is 注销关停.
    private const string Dormant = "dh-nync";

    [Fact]
    public async Task StepForms_RefuseBadInputWithTheReason_ViewersCannotRecord_AndTheApiListsTheCase()
    {
        using var operatorClient = await demo.Host.LogInAsync("operator", WorkplaceHost.OperatorPassword);
        var decided = await WorkplaceHost.PostFormAsync(operatorClient, $"/cleanup/{Dormant}",
            new() { ["action"] = "confirm", ["proposed"] = "close", ["kind"] = "close", ["reason"] = "休眠账号" }, "/cleanup");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var cases = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{Dormant}/cases");
        var open = cases.EnumerateArray().First(c => c.GetProperty("state").GetString() is "open" or "overdue");
        var id = open.GetProperty("id").GetString()!;
        Assert.Equal(["notice", "account-closed", "filed"], open.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        Assert.All(open.GetProperty("steps").EnumerateArray(), s => Assert.Equal("pending", s.GetProperty("state").GetString()));

        foreach (var (fields, reason) in new (Dictionary<string, string> Fields, string Reason)[]
        {
            (new() { ["link"] = "javascript:alert(1)" }, "link:"),
            (new() { ["link"] = "https://example.cn/n", ["at"] = "2999-01-01" }, "at: must not be in the future"),
            (new() { ["link"] = "https://example.cn/n", ["at"] = "yesterday" }, "at: a date"),
        })
        {
            var refused = await WorkplaceHost.PostFormAsync(operatorClient, $"/cleanup/cases/{id}/steps/notice", fields, "/cleanup");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(reason, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var wrongStep = await WorkplaceHost.PostFormAsync(operatorClient, $"/cleanup/cases/{id}/steps/merged", new() { ["target"] = "dh-hrss" }, "/cleanup");
        Assert.Equal(HttpStatusCode.BadRequest, wrongStep.StatusCode);
        Assert.Contains("step: one of notice, account-closed, filed", WebUtility.HtmlDecode(await wrongStep.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var viewer = await demo.Host.LogInAsync("viewer", WorkplaceHost.ViewerPassword);
        var forbidden = await WorkplaceHost.PostFormAsync(viewer, $"/cleanup/cases/{id}/steps/notice", new() { ["link"] = "https://example.cn/n" }, "/cleanup");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var recorded = await WorkplaceHost.PostFormAsync(operatorClient, $"/cleanup/cases/{id}/steps/notice", new() { ["link"] = "https://example.cn/n" }, "/cleanup");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var detail = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        var notice = detail.GetProperty("case").GetProperty("steps")[0];
        Assert.Equal(("done", "operator", "https://example.cn/n"),
            (notice.GetProperty("state").GetString(), notice.GetProperty("doneBy").GetString(), notice.GetProperty("link").GetString()));
        Assert.Equal(2, detail.GetProperty("audit").GetArrayLength());
        var listed = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/cases?account={Dormant}&status=open");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
    }
}
