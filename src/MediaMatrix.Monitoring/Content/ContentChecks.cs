namespace MediaMatrix.Monitoring.Content;

/// <summary>The matrix's content checker as a service: built once from the config (the automaton is the costly part);
/// <see cref="Checker"/> is null when <c>content.enabled</c> is false.</summary>
public sealed class ContentChecks(ContentChecker? checker)
{
    public ContentChecker? Checker { get; } = checker;

    public static ContentChecks For(Matrix.MatrixConfig matrix) => new(matrix.Content.CreateChecker());
}
