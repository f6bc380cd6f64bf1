using MediaMatrix.Jobs;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.IntegrationTests.Rhythm;

/// <summary>When a dispatch run starts an evaluation at once: only for reads the latest evaluation could not judge, and
/// without any evaluation in the process only once, so a replica that never runs the evaluation job does not start a
/// full round on every tick.</summary>
public sealed class FirstReadsTests
{
    private static readonly DateTimeOffset T = new(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static PollReport Read(string id) => new(id, FetchOutcome.Fetched, 5, 5, new PollState(LastAttemptAt: T, LastSuccessAt: T), TimeSpan.FromSeconds(1));

    private static PollReport Failed(string id) =>
        new(id, FetchOutcome.Failed, 0, 0, new PollState(LastAttemptAt: T, LastSuccessAt: T.AddHours(-1), LastErrorClass: FetchErrorClass.Timeout), TimeSpan.FromSeconds(1));

    [Fact]
    public void WithoutAnyEvaluation_ASuccessfulRead_AsksOnce()
    {
        var reads = new FirstReads();

        Assert.True(reads.Landed(null, [Read("dh-edu")]));
        Assert.False(reads.Landed(null, [Read("dh-wj")]));
    }

    [Fact]
    public void OnlyFailedPolls_NeverAsk()
    {
        Assert.False(new FirstReads().Landed(null, [Failed("dh-sthj")]));
    }

    [Fact]
    public void ReadsOfAccountsTheLatestEvaluationJudged_DoNotAsk()
    {
        var judgedAll = new MatrixReport(T, MatrixSummary.Of([]), []);

        Assert.False(new FirstReads().Landed(judgedAll, [Read("dh-edu"), Read("dh-wj")]));
    }
}
