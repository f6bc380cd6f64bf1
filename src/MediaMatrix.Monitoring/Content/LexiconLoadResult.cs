using System.Diagnostics.CodeAnalysis;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Content;

/// <summary>What reading one lexicon file gave: the <see cref="Lexicon"/>, or every problem found in it, never both.</summary>
public sealed record LexiconLoadResult
{
    private LexiconLoadResult(Lexicon? lexicon, IReadOnlyList<ConfigError> errors)
    {
        Lexicon = lexicon;
        Errors = errors;
    }

    public Lexicon? Lexicon { get; }

    /// <summary>Ordered by line, then column.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Lexicon))]
    public bool IsValid => Lexicon is not null;

    public static LexiconLoadResult Valid(Lexicon lexicon) => new(lexicon, []);

    public static LexiconLoadResult Invalid(IReadOnlyList<ConfigError> errors) =>
        errors.Count > 0 ? new(null, errors) : throw new ArgumentException("An invalid result needs at least one error.", nameof(errors));
}

/// <summary>
/// What reading a folder of lexicon files gave: the lexicons in file-name order, or every problem in any of them
/// (an entry duplicated across files included). A folder with one bad file yields no lexicons, so a check never runs
/// on a lexicon set an operator did not mean.
/// </summary>
public sealed record LexiconFolderResult(IReadOnlyList<Lexicon> Lexicons, IReadOnlyList<ConfigError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
