using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Tests.Assessment;

/// <summary>The accounts and instants the assessment tests share: a head, two education members and a culture member of 定海.</summary>
internal static class Cast
{
    /// <summary>The monitoring time point: a Tuesday morning in the county's time zone.</summary>
    public static readonly DateTimeOffset T = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly AssessmentOptions Rubric = new();

    public static readonly Account Head = Make("dh-app", "定海山", Tier.Head, "区融媒体中心");
    public static readonly Account Education = Make("dh-edu", "定海教育", Tier.Member, "区教育局");
    public static readonly Account Schools = Make("dh-edu-schools", "定海校园", Tier.Member, "区教育局");
    public static readonly Account Culture = Make("dh-culture", "定海文旅", Tier.Member, "区文旅局");

    public static PollState ReadAnHourAgo(DateTimeOffset now) => new(LastAttemptAt: now.AddHours(-1), LastSuccessAt: now.AddHours(-1));

    public static Post PostAt(DateTimeOffset at, string id = "p") => new(id + at.ToUnixTimeSeconds(), "标题", null, at);

    /// <summary>One post each <paramref name="days"/> days before T.</summary>
    public static Post[] PostsDaysAgo(params double[] days) => [.. days.Select(d => PostAt(T.AddDays(-d)))];

    /// <summary>A post every <paramref name="everyDays"/> days, the newest <paramref name="newestDaysAgo"/> days before T, back 90 days.</summary>
    public static Post[] Regular(double everyDays, double newestDaysAgo = 1)
    {
        var posts = new List<Post>();
        for (var d = newestDaysAgo; d <= 90; d += everyDays)
        {
            posts.Add(PostAt(T.AddDays(-d)));
        }

        return [.. posts];
    }

    public static AssessmentInput Input(Account account, IReadOnlyList<Post> posts) => new(account, posts, ReadAnHourAgo(T));

    public static Evaluation Evaluate(AssessmentInput input) => AccountAssessor.Evaluate(input, T, Rubric);

    public static Evaluation Evaluate(Account account, IReadOnlyList<Post> posts) => Evaluate(Input(account, posts));

    /// <summary>A stored evaluation the day before T that left the account weak.</summary>
    public static EvaluationRecord WeakYesterday(Account account, double score = 50) =>
        new(account.Id, T.AddDays(-1), score, score, Verdict.Qualified, true, 3, 0);

    private static Account Make(string id, string name, Tier tier, string department) =>
        new(id, name, Platform.Wechat, tier, department, new Source(SourceKind.Feed, new Uri($"http://example.org/{id}.xml")));
}
