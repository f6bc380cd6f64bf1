using System.Globalization;
using System.Text;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Web;

/// <summary>The account page's content findings: every one found in its posts, proposed, confirmed or dismissed.</summary>
internal static class AccountContent
{
    public static async Task AppendAsync(StringBuilder html, HttpContext context, string accountId, Lang lang, CancellationToken ct)
    {
        var store = context.RequestServices.GetRequiredService<IContentFindingStore>();
        var findings = (await store.GetContentFindingsAsync(ct)).Where(f => f.AccountId == accountId).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"content-findings\" id=\"content-findings\" aria-labelledby=\"content-h\"><h2 id=\"content-h\">{lang.T("内容检查发现", "Content findings")}</h2>");
        ContentFindingsSection.Append(html, context, findings, lang, withAccount: false);
        html.Append("</section>");
    }
}
