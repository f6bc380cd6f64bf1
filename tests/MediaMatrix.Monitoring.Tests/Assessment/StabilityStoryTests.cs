using MediaMatrix.Monitoring.Assessment;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Assessment;

/// <summary>
/// Dinghai's problem 1 (考核评价指数不够稳定) as stories: 90 daily evaluations replayed through the whole rubric, each one
/// seeing the history the previous ones left, as the periodic evaluation does with the store.
/// </summary>
public sealed class StabilityStoryTests
{
    private static readonly DateTimeOffset Start = T;

    [Fact]
    public void NoisyButSteadyAccount_NeverFlapsVerdictOrWeak()
    {
        var random = new Random(20261201);

        // Posts at least once every calendar week, sometimes twice, on random days: never a 14-day silence.
        var posts = new List<Post>();
        for (var week = -13; week < 13; week++)
        {
            var perWeek = random.Next(1, 3);
            for (var i = 0; i < perWeek; i++)
            {
                posts.Add(PostAt(Start.AddDays((week * 7) + random.Next(0, 7)).AddHours(random.Next(0, 10)), $"w{week}-{i}"));
            }
        }

        // Cluster tasks mostly done, sometimes late, and on one day in ten a bad tally (a task batch missed entirely).
        var days = Replay(posts, day => random.NextDouble() < 0.1
            ? new TaskTally(4, 0, 0)
            : new TaskTally(4, random.Next(3, 5), random.Next(2, 4)));

        // The raw score does dip below the weak threshold on bad days: that is the noise smoothing must absorb.
        Assert.Contains(days, e => e.RawScore < 60);
        Assert.All(days, e => Assert.Equal(Verdict.Qualified, e.Verdict));
        Assert.All(days, e => Assert.False(e.Weak, $"weak on {e.EvaluatedAt:MM-dd} at {e.Score}"));
        Assert.All(days, e => Assert.True(e.Score >= 60, $"published {e.Score} on {e.EvaluatedAt:MM-dd}"));
        Assert.True(Changes(days, e => e.Score >= 60) == 0);
        Assert.True(Changes(days, e => e.Disposition!.Kind) == 0, "the disposition never changed");

        // And the published score moves less from day to day than the raw one.
        Assert.True(MaxStep(days, e => e.Score!.Value) < MaxStep(days, e => e.RawScore!.Value) / 2);
    }

    [Fact]
    public void RealDecline_IsFlaggedWeakOnTheKthEvaluationBelowTheThreshold()
    {
        // Healthy for 45 days (twice a week, every task on time); then a post every 12 days and no task done.
        const int declineDay = 45;
        var posts = new List<Post>();
        for (var day = -90.0; day < declineDay; day += 3.5)
        {
            posts.Add(PostAt(Start.AddDays(day), "healthy"));
        }

        for (var day = declineDay + 11.0; day < 90; day += 12)
        {
            posts.Add(PostAt(Start.AddDays(day), "sparse"));
        }

        var days = Replay(posts, day => day < declineDay ? new TaskTally(4, 4, 4) : new TaskTally(4, 0, 0));

        Assert.All(days.Take(declineDay), e => Assert.False(e.Weak));
        var firstBelow = days.FindIndex(e => e.RawScore < 60);
        var firstWeak = days.FindIndex(e => e.Weak);
        var k = Rubric.Stability.ConsecutiveEvaluations;

        // The first evaluation after the decline scores below 60; the K-th in a row flags it, not one earlier.
        Assert.Equal(declineDay, firstBelow);
        Assert.Equal(firstBelow + k - 1, firstWeak);
        Assert.All(days.Skip(firstWeak), e => Assert.True(e.Weak, $"recovered on {e.EvaluatedAt:MM-dd} at {e.Score}"));
        Assert.Equal(DispositionKind.Rectify, days[firstWeak].Disposition!.Kind); // still posting: rectify, not merge
        Assert.Contains(days[firstWeak].Reasons, r => r.Code == "weak");
    }

    [Fact]
    public void Recovery_NeedsKEvaluationsAboveThresholdPlusMargin()
    {
        // Weak for a fortnight of silence-free but task-less work, then every task done again.
        var posts = new List<Post>();
        for (var day = -90.0; day < 90; day += 3.5)
        {
            posts.Add(PostAt(Start.AddDays(day), "steady"));
        }

        var days = Replay(posts, day => day is >= 10 and < 40 ? new TaskTally(4, 0, 0) : new TaskTally(4, 4, 4));

        var firstWeak = days.FindIndex(e => e.Weak);
        var recovered = days.FindIndex(firstWeak, e => !e.Weak);
        var firstAboveMargin = days.FindIndex(firstWeak, e => e.RawScore >= 65);
        Assert.True(firstWeak > 10);
        Assert.Equal(firstAboveMargin + Rubric.Stability.ConsecutiveEvaluations - 1, recovered);
        Assert.All(days.Skip(recovered), e => Assert.False(e.Weak));
    }

    /// <summary>One evaluation a day at 09:00 for 90 days, each fed the records the earlier ones left (newest first).</summary>
    private static List<Evaluation> Replay(IReadOnlyList<Post> posts, Func<int, TaskTally?> tasks)
    {
        var history = new List<EvaluationRecord>();
        var days = new List<Evaluation>();
        for (var day = 0; day < 90; day++)
        {
            var now = Start.AddDays(day);
            var input = new AssessmentInput(Education, posts, ReadAnHourAgo(now)) { Tasks = tasks(day), History = [.. history] };
            var evaluation = AccountAssessor.Evaluate(input, now, Rubric);
            history.Insert(0, evaluation.ToRecord());
            days.Add(evaluation);
        }

        return days;
    }

    private static int Changes<T>(List<Evaluation> days, Func<Evaluation, T> value)
    {
        var changes = 0;
        for (var i = 1; i < days.Count; i++)
        {
            changes += EqualityComparer<T>.Default.Equals(value(days[i]), value(days[i - 1])) ? 0 : 1;
        }

        return changes;
    }

    private static double MaxStep(List<Evaluation> days, Func<Evaluation, double> value)
    {
        var max = 0.0;
        for (var i = 1; i < days.Count; i++)
        {
            max = Math.Max(max, Math.Abs(value(days[i]) - value(days[i - 1])));
        }

        return max;
    }
}
