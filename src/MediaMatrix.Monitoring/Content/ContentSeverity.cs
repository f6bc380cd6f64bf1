namespace MediaMatrix.Monitoring.Content;

/// <summary>How much a content hit weighs: <see cref="Serious"/> is proposed as a veto an operator confirms; <see cref="Minor"/> is a notice.</summary>
public enum ContentSeverity
{
    Minor,
    Serious,
}
