using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Tests.Reference;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Assessment;

/// <summary>The frequency part read from <see cref="PublicationTimes"/> (sorted UTC ticks built once per account).</summary>
public sealed class PostCountsTests
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(90);

    private static PostCounts CountsAt(DateTimeOffset now, params Post[] posts) => PostCounts.At(PublicationTimes.Of(posts), now, Window);

    [Theory]
    [InlineData(7.0, 1, 1, 1)]                  // exactly 7 days before T: inside every window
    [InlineData(7.000001, 0, 1, 1)]             // just older: out of the 7-day window only
    [InlineData(14.0, 0, 1, 1)]                 // exactly 14 days: still in the 14-day (veto) window
    [InlineData(14.000001, 0, 0, 1)]
    [InlineData(30.0, 0, 0, 1)]
    [InlineData(30.000001, 0, 0, 0)]
    public void Windows_IncludeTheirStart(double daysAgo, int in7, int in14, int in30)
    {
        var counts = CountsAt(T, PostAt(T.AddDays(-daysAgo)));

        Assert.Equal((in7, in14, in30), (counts.Last7d, counts.Last14d, counts.Last30d));
    }

    [Fact]
    public void LongTermWindow_IncludesAPostExactlyAtItsStart_AsNoGapBeforeIt()
    {
        var atStart = CountsAt(T, PostAt(T - Window), PostAt(T.AddDays(-1)));
        var justBefore = CountsAt(T, PostAt(T - Window - TimeSpan.FromTicks(1)), PostAt(T.AddDays(-1)));

        Assert.Equal((2, 89.0), (atStart.LongTerm, atStart.LongestGap.TotalDays));
        Assert.Equal(1, justBefore.LongTerm);
        Assert.Equal(89.0, justBefore.LongestGap.TotalDays, 6); // from the window's start, proven by the older post
    }

    [Fact]
    public void NoPosts_IsSilentForTheWholeWindow()
    {
        var counts = PostCounts.At(PublicationTimes.Of([]), T, Window);

        Assert.Equal(new PostCounts(null, 0, 0, 0, 0, Window), counts);
        Assert.Same(PublicationTimes.None, PublicationTimes.Of([new Post("u", "无日期", null, null)]));
    }

    [Fact]
    public void AnyInputOrder_GivesTheSameCounts()
    {
        var newestFirst = PostsDaysAgo(1, 3, 3.5, 20, 44, 95);
        var oldestFirst = newestFirst.Reverse().ToArray();
        var shuffled = new[] { newestFirst[3], newestFirst[0], newestFirst[5], newestFirst[2], newestFirst[1], newestFirst[4] };

        var expected = CountsAt(T, newestFirst);
        Assert.Equal(expected, CountsAt(T, oldestFirst));
        Assert.Equal(expected, CountsAt(T, shuffled));
        Assert.Equal(new PostCounts(T.AddDays(-1), 3, 3, 4, 5, TimeSpan.FromDays(46)), expected); // from the window's start to day 44
        Assert.True(PublicationTimes.Of(shuffled).UtcTicks.SequenceEqual(PublicationTimes.Of(newestFirst).UtcTicks));
    }

    [Fact]
    public void SameInstantTwice_CountsTwice_WithNoGapBetween()
    {
        var at = T.AddDays(-2);
        var counts = CountsAt(T, PostAt(at, "a"), PostAt(at, "b"), PostAt(T.AddDays(-40)));

        Assert.Equal((2, 3, 38.0), (counts.Last7d, counts.LongTerm, counts.LongestGap.TotalDays));
    }

    [Fact]
    public void PostsAfterT_DoNotExistYet_ButCountAtALaterT()
    {
        var times = PublicationTimes.Of([PostAt(T.AddDays(2)), PostAt(T.AddDays(-10))]);

        var atT = PostCounts.At(times, T, Window);
        var later = PostCounts.At(times, T.AddDays(3), Window);

        Assert.Equal((T.AddDays(-10), 0, 1, 10.0), (atT.LastPostAt, atT.Last7d, atT.Last14d, atT.LongestGap.TotalDays));
        Assert.Equal((T.AddDays(2), 1, 12.0), (later.LastPostAt, later.Last7d, later.LongestGap.TotalDays));
    }

    [Fact]
    public void LastPostAt_KeepsThePostsOwnOffset()
    {
        var utc = new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);
        var beijing = utc.ToOffset(TimeSpan.FromHours(8)).AddHours(-5);

        var last = CountsAt(T, PostAt(utc), PostAt(beijing)).LastPostAt!.Value;

        Assert.Equal((utc, TimeSpan.Zero), (last, last.Offset));
        Assert.Equal(TimeSpan.FromHours(8), CountsAt(T, PostAt(beijing)).LastPostAt!.Value.Offset);
    }

    [Fact]
    public void AgreesWithThePreviousImplementation_OnRandomAccounts()
    {
        var random = new Random(4);
        var offsets = new[] { TimeSpan.Zero, TimeSpan.FromHours(8), TimeSpan.FromHours(-5) };
        for (var account = 0; account < 2_000; account++)
        {
            var posts = new List<Post>();
            var n = random.Next(0, 60);
            for (var i = 0; i < n; i++)
            {
                // Whole days often (ties and exact window edges), any tick otherwise; some undated, some after T.
                var daysAgo = random.Next(3) == 0 ? random.Next(-3, 200) : random.NextDouble() * 200 - 3;
                var at = random.Next(15) == 0 ? (DateTimeOffset?)null : (T - TimeSpan.FromDays(daysAgo)).ToOffset(offsets[random.Next(3)]);
                posts.Add(new Post($"p{i}", "标题", null, at));
            }

            if (random.Next(2) == 0)
                posts.Sort((a, b) => Nullable.Compare(b.PublishedAt, a.PublishedAt));

            var window = TimeSpan.FromDays(random.Next(2) == 0 ? 90 : random.Next(1, 120));
            var now = T.AddHours(random.Next(-48, 48));
            var expected = PreviousPostCounts.At(posts, now, window);
            var actual = PostCounts.At(PublicationTimes.Of(posts), now, window);
            Assert.Equal(expected, actual);

            // The offset shown is the last post's own (of two posts at that same instant, either one's).
            if (posts.Count(p => p.PublishedAt == expected.LastPostAt) == 1)
                Assert.Equal(expected.LastPostAt?.Offset, actual.LastPostAt?.Offset);
        }
    }

    [Fact]
    public void AssessmentInput_RebuildsItsTimes_WhenThePostsAreReplaced()
    {
        var input = Input(Education, PostsDaysAgo(1));

        var replaced = input with { Posts = PostsDaysAgo(20, 30) };
        var otherTasks = input with { Tasks = new TaskTally(1, 1, 1) };

        Assert.Equal(2, replaced.Times.Count);
        Assert.Same(input.Times, otherTasks.Times);
    }
}
