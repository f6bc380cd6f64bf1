using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Registry;
using MediaMatrix.Monitoring.Tests.Matrix;

namespace MediaMatrix.Monitoring.Tests.Registry;

/// <summary>
/// "Closed but still posting" (已注销仍在更新): with a closure date, a post on a later day in the matrix's zone flags the
/// account and one on or before that day does not, however old; without a date, only a post inside the veto window
/// flags it. A post in the future (a clock the source got wrong) never does.
/// </summary>
public sealed class RegistryPlanTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, China);
    private static readonly TimeSpan Veto = TimeSpan.FromDays(14);

    public static TheoryData<string, string?, string, bool> Cases => new()
    {
        // closedOn, newest post (China time), expected flag
        { "after the closure day", "2026-09-30", "2026-10-01T00:05:00+08:00", true },
        { "late on the closure day itself", "2026-09-30", "2026-09-30T23:55:00+08:00", false },
        // 16:30 UTC on the 30th is already 1 October in Beijing: the day is the matrix's, not UTC's.
        { "after the closure day in the matrix's zone only", "2026-09-30", "2026-09-30T16:30:00+00:00", true },
        { "before the closure day", "2026-09-30", "2026-09-01T09:00:00+08:00", false },
        { "no date, inside the window", null, "2026-11-25T09:00:00+08:00", true },
        { "no date, outside the window", null, "2026-11-10T09:00:00+08:00", false },
        { "no date, in the future", null, "2026-12-04T09:00:00+08:00", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClosedButPosting_FollowsTheClosureDateOrTheVetoWindow(string name, string? closedOn, string postedAt, bool flagged)
    {
        var matrix = MatrixConfigLoader.LoadFromText(MatrixYaml.Valid, MatrixYaml.FileName).Config!;
        var entry = new RegistryEntry("registry.csv:2", "区人力社保局", Platform.Website, "定海人社", null, "定网信备〔2022〕004号",
            FilingStatus.Closed, "已注销", closedOn is null ? null : DateOnly.Parse(closedOn, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["dh-hrss"], RegistryPlan.ClosedAccounts(matrix, [entry]));
        var newest = new Dictionary<string, NewestPost> { ["dh-hrss"] = new(DateTimeOffset.Parse(postedAt, System.Globalization.CultureInfo.InvariantCulture), "最新动态") };

        var plan = RegistryPlan.Of(matrix, [entry], newest, Now, Veto);

        var flags = plan.Flags.Where(f => f.Kind == RegistryFlagKind.ClosedButPosting).ToList();
        Assert.True(flagged == (flags.Count == 1), $"{name}: {string.Join(" | ", flags.Select(f => f.Message))}");
        if (flagged)
        {
            Assert.Equal(["dh-hrss"], flags[0].Accounts);
            Assert.Contains("已注销仍在更新：dh-hrss（定海人社）", flags[0].Message, StringComparison.Ordinal);
            Assert.Contains(closedOn ?? "近 14 天内仍有发布", flags[0].Message, StringComparison.Ordinal);
        }
    }
}
