using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Bulletins;

/// <summary>
/// Everything <see cref="BulletinBuilder"/> needs, already read: the evaluation round at the period's end (or now), the stored
/// evaluation history (any order, any accounts; the previous period's figures come from it), the cluster tasks' completion
/// matrix at the same instant (null: no tasks) and the number of posts stored for the year up to that instant.
/// </summary>
public sealed record BulletinInputs(
    BulletinPeriod Period,
    string MatrixName,
    TimeZoneInfo TimeZone,
    MatrixReport Report,
    IReadOnlyList<EvaluationRecord> History,
    CompletionMatrix? Tasks,
    int PostsThisYear)
{
    /// <summary>Every cleanup case the round read (the builder picks the period's).</summary>
    public IReadOnlyList<Cleanup.CleanupCase> Cases { get; init; } = [];
}
