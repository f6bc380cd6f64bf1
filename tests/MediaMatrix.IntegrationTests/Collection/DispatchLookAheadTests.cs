using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Diagnostics;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using Microsoft.AspNetCore.Http;

namespace MediaMatrix.IntegrationTests.Collection;

/// <summary>
/// The dispatcher's look-ahead (performance Q1): a tick claims what falls due before the next one and starts each poll
/// at its own due time, never before; without it a tick takes only what is already due. Every dispatched poll of an
/// account with a known due time is counted in the lateness histogram.
/// </summary>
public sealed class DispatchLookAheadTests
{
    [Fact]
    public async Task WithLookAhead_ATickClaimsAccountsDueSoon_AndPollsNoneBeforeItsDueTime()
    {
        await using var server = await LoopbackServer.StartAsync(c => c.Response.WriteAsync(PoliteCollectionTests.Feed(c.Request.Path)));
        using var rig = CollectionRig.ForYaml(PoliteCollectionTests.MatrixOf(server.BaseUrl, 5), poll: new PollOptions { LookAhead = TimeSpan.FromSeconds(30) });
        var first = await rig.Dispatcher.PollAsync(rig.Matrix.Accounts, null, CancellationToken.None);
        Assert.All(first, r => Assert.True(r.State.ConsecutiveFailures == 0, r.State.LastError));
        // Due in 1–2 s instead of the config's hours: well inside the look-ahead, still ahead of the tick.
        var now = TimeProvider.System.GetUtcNow();
        var dueAt = first.Select((r, i) => (r.AccountId, Due: now.AddMilliseconds(1000 + (250 * i)))).ToDictionary(d => d.AccountId, d => d.Due);
        foreach (var report in first)
        {
            await rig.Store.RecordPollAsync(new PollRecord(report.AccountId, [], report.State with { NextDueAt = dueAt[report.AccountId] }), CancellationToken.None);
        }

        var observedBefore = MatrixMetrics.PollLateness.Count;

        var reports = await rig.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(5, reports.Count);
        Assert.All(reports, r => Assert.True(r.State.LastAttemptAt >= dueAt[r.AccountId], $"{r.AccountId} polled at {r.State.LastAttemptAt:O}, due {dueAt[r.AccountId]:O}"));
        Assert.True(MatrixMetrics.PollLateness.Count - observedBefore >= 5);
    }

    [Fact]
    public async Task WithoutLookAhead_ATickBeforeTheDueTime_ClaimsNothing()
    {
        await using var server = await LoopbackServer.StartAsync(c => c.Response.WriteAsync(PoliteCollectionTests.Feed(c.Request.Path)));
        using var rig = CollectionRig.ForYaml(PoliteCollectionTests.MatrixOf(server.BaseUrl, 5));
        await rig.Dispatcher.PollAsync(rig.Matrix.Accounts, null, CancellationToken.None);

        Assert.Empty(await rig.Dispatcher.DispatchDueAsync(CancellationToken.None));
    }
}
