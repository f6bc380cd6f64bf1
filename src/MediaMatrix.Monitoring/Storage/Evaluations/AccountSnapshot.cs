using System.Text.Json.Serialization;
using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// The latest evaluation of one account, reduced to what /metrics and the digest show. Kept in the store (one field
/// per account) so every replica exports the same figures, whichever replica evaluated. Short JSON names keep a
/// 10k-account read small.
/// </summary>
public sealed record AccountSnapshot(
    [property: JsonPropertyName("id")] string AccountId,
    [property: JsonPropertyName("a")] DateTimeOffset At,
    [property: JsonPropertyName("v")] Verdict Verdict,
    [property: JsonPropertyName("s")] double? Score,
    [property: JsonPropertyName("g")] Grade? Grade,
    [property: JsonPropertyName("w")] bool Weak,
    [property: JsonPropertyName("z")] bool Zombie,
    [property: JsonPropertyName("d")] double? DaysSinceLastPost,
    [property: JsonPropertyName("p7")] int PostsLast7d,
    [property: JsonPropertyName("p30")] int PostsLast30d,
    [property: JsonPropertyName("t")] double? TaskCompletion)
{
    public static AccountSnapshot Of(Evaluation e) => new(
        e.AccountId, e.EvaluatedAt, e.Verdict, e.Score, e.Grade, e.Weak && e.Verdict != Verdict.Unknown, e.Zombie,
        e.LastPostAt is { } last ? Math.Round((e.EvaluatedAt - last).TotalDays, 2) : null,
        e.PostsLast7d, e.PostsLast30d,
        e.Tasks is { Assigned: > 0 } tasks ? Math.Round((double)tasks.Completed / tasks.Assigned, 4) : null);
}
