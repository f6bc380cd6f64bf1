namespace MediaMatrix.Monitoring.Content;

/// <summary>The evidence shown with a hit: the match and up to a radius of text either side, cut from the normalised text.</summary>
public static class ContentExcerpt
{
    /// <summary>Marks a cut: the excerpt says the post goes on, so a reader does not take the fragment for the whole.</summary>
    public const string CutMark = "…";

    /// <summary>
    /// The text before the hit (at most <paramref name="radius"/> UTF-16 units, starting with <see cref="CutMark"/> when
    /// cut), the match, and the text after it (ending with <see cref="CutMark"/> when cut). A cut never splits a
    /// surrogate pair: where the radius falls inside one, the pair is left out, so the excerpt stays valid text.
    /// </summary>
    public static (string Before, string Match, string After) Around(string text, ContentHit hit, int radius)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        var matchStart = Math.Clamp(hit.Start, 0, text.Length);
        var matchEnd = Math.Clamp(hit.End, matchStart, text.Length);

        var from = Math.Max(0, matchStart - radius);
        if (from > 0 && from < matchStart && char.IsLowSurrogate(text[from]) && char.IsHighSurrogate(text[from - 1]))
            from++;
        var to = (int)Math.Min(text.Length, (long)matchEnd + radius);
        if (to < text.Length && to > matchEnd && char.IsLowSurrogate(text[to]) && char.IsHighSurrogate(text[to - 1]))
            to--;

        var before = text[from..matchStart];
        var after = text[matchEnd..to];
        return (from > 0 ? CutMark + before : before, text[matchStart..matchEnd], to < text.Length ? after + CutMark : after);
    }
}
