namespace MediaMatrix.Monitoring.Content;

/// <summary>
/// The content checks of one post's text (issue 13): wording against the lexicons, personal numbers, denied links.
/// Pure: the date the ID check needs is a parameter, nothing is read or written. Built once per configuration (the
/// lexicon automaton is the costly part) and safe to share between threads.
/// </summary>
public sealed class ContentChecker
{
    private readonly LexiconAutomaton _lexicon;
    private readonly PrivacyScanner _privacy;
    private readonly LinkScanner _links;

    public ContentChecker(IReadOnlyList<Lexicon> lexicons, ContentRules rules)
    {
        Rules = rules;
        _lexicon = new LexiconAutomaton(lexicons.SelectMany(l => l.Entries));
        _privacy = new PrivacyScanner(rules.AllowedNumbers);
        _links = new LinkScanner(rules.DeniedHosts);
    }

    public ContentRules Rules { get; }

    /// <summary>
    /// Every hit in <paramref name="text"/>, ordered by position (then longest first). Positions index
    /// <see cref="ContentText.Normalize"/>(<paramref name="text"/>); cut excerpts from that (<see cref="Excerpt"/>).
    /// <paramref name="asOf"/> is the day the text is read: an ID number born after it is no ID number.
    /// </summary>
    public IReadOnlyList<ContentHit> Check(string text, DateOnly asOf)
    {
        var normal = ContentText.Normalize(text);
        var hits = new List<ContentHit>();
        if (Rules.CheckLexicon)
        {
            foreach (var match in _lexicon.Matches(normal))
            {
                var entry = match.Entry;
                // A minor entry is a miswriting, not a 严重表述错误: its kind says so wherever it is shown.
                var kind = entry.Severity == ContentSeverity.Serious ? Assessment.FindingKind.SeriousError : Assessment.FindingKind.WordingError;
                hits.Add(new ContentHit(ContentRuleNames.Lexicon(entry), kind, entry.Severity,
                    match.Start, match.Length, normal.Substring(match.Start, match.Length), entry.Right, entry.Source));
            }
        }

        if (Rules.CheckPrivacy)
            _privacy.Scan(normal, asOf, hits);
        if (Rules.CheckLinks)
            _links.Scan(normal, hits);

        hits.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.Length != b.Length ? b.Length.CompareTo(a.Length)
            : string.CompareOrdinal(a.Rule, b.Rule));
        return hits;
    }

    /// <summary>The excerpt of a hit with this checker's radius; <paramref name="normalizedText"/> is what the hit indexes.</summary>
    public (string Before, string Match, string After) Excerpt(string normalizedText, ContentHit hit) =>
        ContentExcerpt.Around(normalizedText, hit, Rules.ExcerptRadius);
}
