using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Inspection;

/// <summary>Counts over one inspection. The pass rate (合格率) is over judged accounts: an account we could not read was not checked.</summary>
public sealed record MatrixSummary(int Checked, int Qualified, int Unqualified, int Unknown, double? PassRate)
{
    public static MatrixSummary Of(IReadOnlyCollection<Evaluation> evaluations)
    {
        var qualified = evaluations.Count(e => e.Verdict == Verdict.Qualified);
        var unqualified = evaluations.Count(e => e.Verdict == Verdict.Unqualified);
        var judged = qualified + unqualified;
        return new MatrixSummary(evaluations.Count, qualified, unqualified, evaluations.Count - judged,
            judged == 0 ? null : Math.Round((double)qualified / judged, 4));
    }
}

/// <summary>Every account of the matrix evaluated at one instant, in config order.</summary>
public sealed record MatrixReport(DateTimeOffset EvaluatedAt, MatrixSummary Summary, IReadOnlyList<(Account Account, Evaluation Evaluation)> Accounts);
