using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Simulator;
using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.IntegrationTests.Collection;

/// <summary>F13: a page that still loads but whose selector finds nothing is "we cannot read it", never "the account is silent".</summary>
public sealed class LayoutChangeTests
{
    private static readonly SimulatedAccount[] Cast =
    [
        new("head", "主账号", "app", "head", "区融媒体中心", Topic.News, SourceFormat.Rss, AccountBehaviour.Active),
        new("changed", "改版站点", "website", "member", "区教育局", Topic.Education, SourceFormat.HtmlList, AccountBehaviour.LayoutChanged, LayoutChangesAfterRequests: 1),
        new("steady", "稳定站点", "website", "member", "区民政局", Topic.CivilAffairs, SourceFormat.HtmlList, AccountBehaviour.Active),
    ];

    [Fact]
    public async Task F13_LayoutChange_IsUnknownAtOnceAndExtractionBrokenAfterTwoEmptyPolls()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0, Cast = Cast }, CancellationToken.None);
        using var rig = CollectionRig.ForSimulator(simulator, Cast);

        var first = await rig.PollAsync("changed");
        Assert.Equal(0, first.State.ConsecutiveFailures); // the old markup: posts read
        Assert.True(first.Items > 0);

        var second = await rig.PollAsync("changed");
        Assert.Equal(FetchErrorClass.Empty, second.State.LastErrorClass);   // the page loaded, the selector found nothing
        Assert.Equal(1, second.State.ConsecutiveEmptyPolls);
        Assert.False(second.State.ExtractionBroken);                         // one empty poll is not yet "broken"
        Assert.Equal(Verdict.Unknown, await VerdictOfAsync(rig, "changed", second.State)); // but the verdict is unknown at once

        var third = await rig.PollAsync("changed");
        Assert.True(third.State.ExtractionBroken);                           // the second empty poll in a row (default N = 2)
        Assert.Equal(Verdict.Unknown, await VerdictOfAsync(rig, "changed", third.State));

        // No other account is affected.
        foreach (var id in new[] { "head", "steady" })
        {
            var report = await rig.PollAsync(id);
            Assert.Equal(0, report.State.ConsecutiveFailures);
            Assert.False(report.State.ExtractionBroken);
            Assert.NotEqual(Verdict.Unknown, await VerdictOfAsync(rig, id, report.State));
        }
    }

    [Fact]
    public async Task F13_EmptyPollsBeforeBroken_IsConfigurable()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0, Cast = Cast }, CancellationToken.None);
        using var rig = CollectionRig.ForSimulator(simulator, Cast, poll: new PollOptions { EmptyPollsBeforeBroken = 3 });

        await rig.PollAsync("changed");
        var states = new List<PollState>();
        for (var i = 0; i < 3; i++)
        {
            states.Add((await rig.PollAsync("changed")).State);
        }

        Assert.Equal([false, false, true], states.Select(s => s.ExtractionBroken));
        Assert.All(states, s => Assert.Equal(FetchErrorClass.Empty, s.LastErrorClass));
    }

    private static async Task<Verdict> VerdictOfAsync(CollectionRig rig, string id, PollState state)
    {
        var now = TimeProvider.System.GetUtcNow();
        var posts = await rig.Store.GetPostsAsync(id, now.AddDays(-400), CancellationToken.None);
        return AccountAssessor.Evaluate(rig.Account(id), posts, state, now, new AssessmentOptions()).Verdict;
    }
}
