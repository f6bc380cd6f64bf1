using System.Text.Json.Serialization;
using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// An evaluation as stored: one-letter names and no account id (it is in the key), like <see cref="StoredPost"/>;
/// defaults (not weak, zero streaks) are left out by the context.
/// </summary>
internal sealed record StoredEvaluation(
    [property: JsonPropertyName("a")] DateTimeOffset At,
    [property: JsonPropertyName("r")] double? RawScore,
    [property: JsonPropertyName("s")] double? Score,
    [property: JsonPropertyName("v")] Verdict Verdict,
    [property: JsonPropertyName("w")] bool Weak,
    [property: JsonPropertyName("b")] int BelowStreak,
    [property: JsonPropertyName("u")] int AboveStreak)
{
    public static StoredEvaluation From(EvaluationRecord record) =>
        new(record.At, record.RawScore, record.Score, record.Verdict, record.Weak, record.BelowStreak, record.AboveStreak);

    public EvaluationRecord ToRecord(string accountId) => new(accountId, At, RawScore, Score, Verdict, Weak, BelowStreak, AboveStreak);
}
