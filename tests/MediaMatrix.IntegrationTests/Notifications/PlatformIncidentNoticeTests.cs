using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Notifications;

namespace MediaMatrix.IntegrationTests.Notifications;

/// <summary>A platform incident is one notice: the platform and every account it covers by name, their units as the
/// departments a route filters on — not a notice per account.</summary>
public sealed class PlatformIncidentNoticeTests
{
    [Fact]
    public void IncidentNotice_NamesThePlatformAndTheAccounts_AndCarriesTheirDepartments()
    {
        var matrix = NoticeCast.Matrix();
        var failing = matrix.Accounts.Where(a => a.Tier == Tier.Member).ToList();
        var judgement = new PlatformJudgement(Platform.Website, true, FetchErrorClass.Blocked, 3, failing, failing.Select(a => a.Id).ToHashSet());
        var incident = PlatformIncidents.Open(judgement, NoticeCast.T0);

        var notice = NoticeWording.For(incident, NoticeTransition.Opened, 0, NoticeCast.T0, matrix, null);

        Assert.Equal("platform-incident", notice.Kind);
        Assert.StartsWith("网站平台采集异常", notice.Title, StringComparison.Ordinal);
        Assert.Contains(new NoticeFact("平台", "网站"), notice.Facts);
        Assert.Contains(new NoticeFact("受影响账号", "定海教育、定海人社"), notice.Facts);
        Assert.Equal(["区教育局", "区人力社保局"], notice.Departments);
    }
}
