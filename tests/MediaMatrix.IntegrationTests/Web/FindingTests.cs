using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaMatrix.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>Manual findings end to end on the real host: recorded over the API or in the account page, the account is
/// unqualified with the finding as its reason until an operator clears it with a note; the trail keeps both changes.
/// Each test uses an account no other test of the shared workplace judges, and clears what it records.</summary>
[Collection(DemoWorkplaceCollection.Name)]
public sealed class FindingTests(DemoWorkplace demo) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private HttpClient Client(string user)
    {
        var client = demo.Host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", demo.Host.Services.GetRequiredService<ApiTokens>().Issue(user, "finding-test").Secret);
        return client;
    }

    private static async Task<string> VerdictAsync(HttpClient api, string account) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{account}")).GetProperty("account").GetProperty("verdict").GetString()!;

    [Fact]
    public async Task Api_RecordVetoesTheAccount_ClearWithANoteEndsIt_TheTrailKeepsBoth()
    {
        using var api = Client("operator");
        Assert.Equal("qualified", await VerdictAsync(api, "dh-wj"));

        using var recorded = await api.PostAsJsonAsync("/api/v1/accounts/dh-wj/findings", new
        {
            kind = "personal-data-leak",
            text = "公示名单泄露身份证号码",
            evidenceUrl = "https://www.example.gov.cn/art/2026/12/1/9.html",
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var account = await api.GetFromJsonAsync<JsonElement>("/api/v1/accounts/dh-wj");
        Assert.Equal("unqualified", account.GetProperty("account").GetProperty("verdict").GetString());
        var reasons = account.GetProperty("evaluation").GetProperty("reasons").EnumerateArray().ToList();
        Assert.Contains(reasons, r => r.GetProperty("code").GetString() == "veto-manual" && r.GetProperty("zh").GetString()!.Contains("公示名单泄露身份证号码", StringComparison.Ordinal));
        var active = await api.GetFromJsonAsync<JsonElement>("/api/v1/findings?account=dh-wj&active=true");
        Assert.Equal(1, active.GetProperty("total").GetInt32());

        using var noNote = await api.PostAsJsonAsync($"/api/v1/findings/{id}/clear", new { note = " \u200b " });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Equal("unqualified", await VerdictAsync(api, "dh-wj"));

        using var cleared = await api.PostAsJsonAsync($"/api/v1/findings/{id}/clear", new { note = "已删除该公示并重新发布" });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        using var again = await api.PostAsJsonAsync($"/api/v1/findings/{id}/clear", new { note = "再次清除" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("qualified", await VerdictAsync(api, "dh-wj"));

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}");
        Assert.Equal(["recorded", "cleared"], detail.GetProperty("audit").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("已删除该公示并重新发布", detail.GetProperty("finding").GetProperty("clearNote").GetString());
    }

    [Theory]
    [InlineData("""{"kind":"rumour","text":"x"}""", "kind")]
    [InlineData("""{"kind":"serious-error","text":"\u200b\u200b"}""", "text")]
    [InlineData("""{"kind":"serious-error","text":"x","evidenceUrl":"javascript:alert(1)"}""", "evidenceUrl")]
    [InlineData("""{"kind":"serious-error","text":"x","from":"2099-01-01T00:00:00+08:00"}""", "from")]
    [InlineData("""{"kind":"serious-error","text":"x","from":"2026-11-01T00:00:00+08:00","until":"2026-10-01T00:00:00+08:00"}""", "until")]
    public async Task Api_BadFinding_Is400NamingTheField_AndRecordsNothing(string body, string field)
    {
        using var api = Client("operator");
        var before = (await api.GetFromJsonAsync<JsonElement>("/api/v1/findings?account=dh-wj")).GetProperty("total").GetInt32();

        using var response = await api.PostAsync("/api/v1/accounts/dh-wj/findings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
        Assert.Equal(before, (await api.GetFromJsonAsync<JsonElement>("/api/v1/findings?account=dh-wj")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Api_ViewerCannotRecord_UnknownAccountIs404()
    {
        using var viewer = Client("viewer");
        using var refused = await viewer.PostAsJsonAsync("/api/v1/accounts/dh-wj/findings", new { kind = "other", text = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var api = Client("operator");
        using var unknown = await api.PostAsJsonAsync("/api/v1/accounts/no-such/findings", new { kind = "other", text = "x" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Browser_OperatorRecordsAFinding_SeesTheVeto_ClearsIt()
    {
        var page = await Chromium.NewPageAsync(_browser);
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(new Uri(demo.Host.BaseUrl, "/accounts/dh-edu").ToString());
        await page.FillAsync("input[name=username]", "operator");
        await page.FillAsync("input[name=password]", WorkplaceHost.OperatorPassword);
        await page.ClickAsync("button[type=submit]:has-text('登录')");
        await page.WaitForURLAsync("**/accounts/dh-edu");
        Assert.DoesNotContain("单项否决：人工检查发现问题", await page.ContentAsync(), StringComparison.Ordinal);

        var form = page.Locator("form.record-finding");
        await form.Locator("select[name=kind]").SelectOptionAsync("serious-error");
        await form.Locator("input[name=text]").FillAsync("<img src=x onerror=alert(1)> 领导姓名写错");
        await form.Locator("input[name=evidenceUrl]").FillAsync("https://www.example.gov.cn/art/2026/12/1/7.html");
        await form.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/accounts/dh-edu");

        var content = await page.ContentAsync();
        Assert.Contains("单项否决：人工检查发现问题（严重表述错误", content, StringComparison.Ordinal);
        Assert.Contains("不合格", content, StringComparison.Ordinal);
        var row = page.Locator("section.findings tr.finding.active");
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("领导姓名写错", await row.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("account-finding.png"), FullPage = true });

        await row.Locator("input[name=note]").FillAsync("已更正并发布更正说明");
        await row.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/accounts/dh-edu");

        Assert.Equal(0, await page.Locator("section.findings tr.finding.active").CountAsync());
        Assert.Contains("已清除", await page.Locator("section.findings").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("单项否决：人工检查发现问题", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(dialogs); // the scraped-text rule holds for operator text too
    }
}
