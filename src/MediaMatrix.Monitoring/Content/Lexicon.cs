namespace MediaMatrix.Monitoring.Content;

/// <summary>
/// One wording rule: text that is wrong (<see cref="Wrong"/>: a misspelt fixed expression, a wrong official name, a
/// forbidden expression) and what to write instead (<see cref="Right"/>, null when there is no one replacement).
/// <see cref="Traditional"/> also matches the wrong form written in traditional characters.
/// </summary>
public sealed record LexiconEntry(string Id, string Wrong, string? Right, ContentSeverity Severity, string Source, bool Traditional = false);

/// <summary>A named, versioned list of <see cref="LexiconEntry"/> (one lexicon file, config/lexicons/README.md).</summary>
public sealed record Lexicon(string Name, string Version, IReadOnlyList<LexiconEntry> Entries);
