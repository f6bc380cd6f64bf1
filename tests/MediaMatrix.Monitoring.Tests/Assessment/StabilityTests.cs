using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Tests.Assessment;

/// <summary>The smoothed score and the weak flag's hysteresis, one evaluation at a time.</summary>
public sealed class StabilityTests
{
    private static readonly DateTimeOffset T = Cast.T;
    private static readonly StabilityOptions Options = new();

    private static EvaluationRecord Stored(double daysAgo, double? score, bool weak = false, int below = 0, int above = 0) =>
        new("dh-edu", T.AddDays(-daysAgo), score, score, score is null ? Verdict.Unknown : Verdict.Qualified, weak, below, above);

    [Fact]
    public void FirstEvaluation_PublishesTheRawScore()
    {
        Assert.Equal(new StabilityState(72.4, false, 0, 1), Stability.Next([], 72.4, T, Options));
    }

    [Fact]
    public void Score_IsAnExponentialAverageWithThePreviousPublishedScore()
    {
        var next = Stability.Next([Stored(1, 80)], 40, T, Options);

        Assert.Equal((0.3 * 40) + (0.7 * 80), next.Score!.Value, 6);
    }

    [Fact]
    public void OneBadDay_DoesNotPushAHealthyAccountBelowTheThreshold()
    {
        var next = Stability.Next([Stored(1, 85, above: 10)], 20, T, Options);

        Assert.True(next.Score >= 60, $"published {next.Score}");
        Assert.False(next.Weak);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]   // this is the third evaluation in a row below 60
    public void Weak_AfterKConsecutiveEvaluationsBelowTheThreshold(int belowSoFar, bool weak)
    {
        var next = Stability.Next([Stored(1, 50, below: belowSoFar)], 50, T, Options);

        Assert.Equal(belowSoFar + 1, next.BelowStreak);
        Assert.Equal(weak, next.Weak);
    }

    [Theory]
    [InlineData(70.0, 2, false)]  // third in a row at or above 65: recovered
    [InlineData(70.0, 1, true)]   // only the second
    [InlineData(63.0, 5, true)]   // above 60 but not above 60 + margin: the streak restarts
    public void Weak_RecoversOnlyAfterKAboveThresholdPlusMargin(double score, int aboveSoFar, bool stillWeak)
    {
        var next = Stability.Next([Stored(1, score, weak: true, above: aboveSoFar)], score, T, Options);

        Assert.Equal(stillWeak, next.Weak);
    }

    [Fact]
    public void Unknown_CarriesTheStreaksAndTheFlagUnchanged()
    {
        var next = Stability.Next([Stored(1, 50, weak: true, below: 7)], null, T, Options);

        Assert.Equal(new StabilityState(null, true, 7, 0), next);
    }

    [Fact]
    public void Smoothing_SkipsUnknownRecordsToTheLastPublishedScore()
    {
        var next = Stability.Next([Stored(1, null, below: 1), Stored(2, 50, below: 1)], 50, T, Options);

        Assert.Equal(50, next.Score);
        Assert.Equal(2, next.BelowStreak);
    }

    [Fact]
    public void SameInstantAgain_IgnoresItsOwnStoredRecord()
    {
        // The periodic evaluation saved T; check --now T must give the same answer, not average T with itself.
        var first = Stability.Next([Stored(1, 80, above: 4)], 40, T, Options);
        var stored = new EvaluationRecord("dh-edu", T, 40, first.Score, Verdict.Qualified, first.Weak, first.BelowStreak, first.AboveStreak);

        Assert.Equal(first, Stability.Next([stored, Stored(1, 80, above: 4)], 40, T, Options));
    }
}
