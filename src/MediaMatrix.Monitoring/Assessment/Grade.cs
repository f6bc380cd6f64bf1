namespace MediaMatrix.Monitoring.Assessment;

/// <summary>The published score in letters, for bulletins and rankings. Bounds in <see cref="GradeBounds"/>.</summary>
public enum Grade { A, B, C, D }

public static class Grades
{
    public static Grade Of(double score, GradeBounds bounds) =>
        score >= bounds.A ? Grade.A
        : score >= bounds.B ? Grade.B
        : score >= bounds.C ? Grade.C
        : Grade.D;
}
