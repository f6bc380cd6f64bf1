namespace MediaMatrix.Monitoring.Assessment;

/// <summary>One account scored at one instant T (监测时间点).</summary>
public sealed record Evaluation(
    string AccountId,
    DateTimeOffset EvaluatedAt,
    Verdict Verdict,
    double? Score,
    DateTimeOffset? LastPostAt,
    int PostsLast7d,
    int PostsLast14d,
    int PostsLast30d,
    IReadOnlyList<Reason> Reasons);
