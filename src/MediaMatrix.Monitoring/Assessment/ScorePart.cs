namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// One part of the score (diligence, cluster tasks), so a UI can show the breakdown. <see cref="Weight"/> is the configured
/// weight, <see cref="EffectiveWeight"/> its share after renormalisation (0 when the part is not counted, e.g. no tasks assigned).
/// </summary>
public sealed record ScorePart(string Name, double? Score, double Weight, bool Counted, double EffectiveWeight)
{
    public const string Diligence = "diligence";
    public const string Tasks = "tasks";
}
