using System.Diagnostics.CodeAnalysis;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// What reading a matrix config gave: the validated <see cref="Config"/>, or every problem found,
/// never both. Start-up prints all <see cref="Errors"/> at once so an operator fixes them in one go.
/// </summary>
public sealed record MatrixLoadResult
{
    private MatrixLoadResult(MatrixConfig? config, IReadOnlyList<ConfigError> errors)
    {
        Config = config;
        Errors = errors;
    }

    public MatrixConfig? Config { get; }

    /// <summary>Ordered by line, then column.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Config))]
    public bool IsValid => Config is not null;

    public static MatrixLoadResult Valid(MatrixConfig config) => new(config, []);

    public static MatrixLoadResult Invalid(IReadOnlyList<ConfigError> errors) =>
        errors.Count > 0 ? new(null, errors) : throw new ArgumentException("An invalid result needs at least one error.", nameof(errors));
}
