namespace MediaMatrix.Monitoring.Content;

/// <summary>
/// The matrix's content checks (the <c>content:</c> section of the matrix config): the lexicons in force (the shipped
/// starter unless <c>starter: false</c>, then the county's own files) and the rules (allowed numbers, denied hosts,
/// which checks run). <see cref="Default"/> is what a matrix without the section gets.
/// </summary>
public sealed record ContentSettings(IReadOnlyList<Lexicon> Lexicons, ContentRules Rules)
{
    /// <summary>The resource name of the shipped starter lexicon (config/lexicons/starter.yaml, embedded at build).</summary>
    public const string StarterResource = "MediaMatrix.Monitoring.Content.starter.yaml";

    /// <summary>The file name errors in the embedded starter lexicon are reported under.</summary>
    public const string StarterFile = "config/lexicons/starter.yaml";

    private static readonly Lazy<Lexicon> StarterLexicon = new(LoadStarter);

    /// <summary>No checks at all: <c>content: { enabled: false }</c>.</summary>
    public bool Enabled { get; init; } = true;

    public static ContentSettings Default => new([Starter], new ContentRules());

    /// <summary>The shipped starter lexicon; a build that cannot read its own resource is broken, so this throws.</summary>
    public static Lexicon Starter => StarterLexicon.Value;

    /// <summary>The checker for these settings, or null when the checks are off.</summary>
    public ContentChecker? CreateChecker() => Enabled ? new ContentChecker(Lexicons, Rules) : null;

    public static string StarterText() => Matrix.ConfigFiles.Embedded(StarterResource);

    private static Lexicon LoadStarter()
    {
        var loaded = LexiconLoader.Parse(StarterText(), StarterFile);
        return loaded.Lexicon ?? throw new InvalidOperationException(
            $"the shipped starter lexicon is invalid: {string.Join("; ", loaded.Errors)}");
    }

    // Value equality over the lexicons and rules' contents, not the list instances (a reload compares configs).
    public bool Equals(ContentSettings? other) =>
        other is not null && Enabled == other.Enabled && Lexicons.SequenceEqual(other.Lexicons) && Rules.Equals(other.Rules);

    public override int GetHashCode() => HashCode.Combine(Enabled, Lexicons.Count);
}
