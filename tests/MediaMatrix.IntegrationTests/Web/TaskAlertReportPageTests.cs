using System.Net;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>The tasks, alerts and reports pages as Razor components: a refused task form is a 400 that names the field
/// above the forms, and each page's labels are in the asked language (the alert button is 确认知悉 / Acknowledge, not
/// the cleanup board's 确认 / Confirm).</summary>
[Collection(DemoWorkplaceCollection.Name)]
public sealed class TaskAlertReportPageTests(DemoWorkplace demo)
{
    [Fact]
    public async Task RefusedTask_Is400_NamingTheField_AboveTheForms()
    {
        using var client = await demo.Host.LogInAsync("operator", WorkplaceHost.OperatorPassword);
        using var refused = await WorkplaceHost.PostFormAsync(client, "/tasks", new() { ["title"] = "", ["hours"] = "48" }, "/tasks");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        var error = page.IndexOf("<p class=\"error\" role=\"alert\">title: ", StringComparison.Ordinal);
        Assert.True(error > 0, "the refusal names the field");
        Assert.True(error < page.IndexOf("id=\"new-task\"", StringComparison.Ordinal), "the reason is above the forms");
        Assert.Contains("id=\"manual-completion\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/tasks?lang=en", "<h1>Cluster tasks</h1>", "Record a completion by hand")]
    [InlineData("/tasks?lang=zh", "<h1>集群协同任务</h1>", "人工标记完成")]
    [InlineData("/alerts?lang=en", "Acknowledge selected", "Reason (needed to resolve)")]
    [InlineData("/alerts?lang=zh", "批量确认", "说明（关闭时必填）")]
    [InlineData("/reports?lang=en", "Generate a bulletin (HTML, XLSX, CSV)", "<option value=\"quarter\">Quarterly</option>")]
    [InlineData("/reports?lang=zh", "生成通报（HTML、XLSX、CSV）", "<option value=\"quarter\">季度通报</option>")]
    [InlineData("/cleanup?lang=en", "<h2 id=\"cases\">Cleanup cases</h2>", "<h1>Cleanup</h1>")]
    public async Task OperatorPages_AreInTheAskedLanguage(string path, string first, string second)
    {
        using var client = await demo.Host.LogInAsync("operator", WorkplaceHost.OperatorPassword);
        var page = await client.GetStringAsync(path);

        Assert.Contains(first, page, StringComparison.Ordinal);
        Assert.Contains(second, page, StringComparison.Ordinal);
    }
}
