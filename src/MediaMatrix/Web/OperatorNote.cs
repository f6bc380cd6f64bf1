namespace MediaMatrix.Web;

/// <summary>
/// The free text an operator adds to a decision, an alert action or a manual completion: it is stored with the record,
/// shown on every page that lists it and mailed in notices, so it is kept to a note's size.
/// </summary>
internal static class OperatorNote
{
    public const int MaxLength = 500;

    /// <summary>The problem with <paramref name="text"/> (already trimmed), or null.</summary>
    public static string? Problem(string text) =>
        text.Length > MaxLength ? $"at most {MaxLength} characters ({text.Length} given)"
        : text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? "no control characters other than line breaks and tabs"
        : null;
}
