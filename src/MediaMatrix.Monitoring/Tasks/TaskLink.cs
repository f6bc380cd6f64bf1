using System.Buffers;

namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// A task's head-post link, normalised once (<see cref="PostLink"/>), with the pieces any link to the same post must
/// contain as written: the last path segment and each kept query parameter. Parsing a URI costs far more than searching
/// a short string, and almost no post links to the head post, so a post's link is normalised only when it contains them.
/// </summary>
internal sealed class TaskLink
{
    // A link made only of these is parsed by Uri without escaping, unescaping or case change in path and query: its
    // normalised path segments and query parameters appear in it verbatim (dot segments are only removed). Anything else
    // (%, non-ASCII, spaces, characters Uri escapes) is normalised in full.
    private static readonly SearchValues<char> Verbatim =
        SearchValues.Create("!#$&'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");

    private readonly string[] pieces;

    public TaskLink(string normalised)
    {
        Normalised = normalised;
        pieces = PiecesOf(normalised);
    }

    /// <summary>The head post's link as <see cref="PostLink.Normalise(string?)"/> gives it.</summary>
    public string Normalised { get; }

    /// <summary>False only when <paramref name="link"/> certainly does not normalise to <see cref="Normalised"/>.</summary>
    public bool MightMatch(string link) => !IsVerbatim(link) || ContainsPieces(link);

    /// <summary>Whether Uri keeps the link's path and query as written (then <see cref="ContainsPieces"/> decides).</summary>
    public static bool IsVerbatim(string link) => !link.AsSpan().ContainsAnyExcept(Verbatim);

    /// <summary>For a <see cref="IsVerbatim"/> link: false when it certainly does not normalise to <see cref="Normalised"/>.</summary>
    public bool ContainsPieces(string link)
    {
        foreach (var piece in pieces)
        {
            if (!link.Contains(piece, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The last path segment and the query parameters of a normalised link (host[:port]path[?query]).</summary>
    internal static string[] PiecesOf(string normalised)
    {
        var query = normalised.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? normalised : normalised[..query];
        var slash = path.LastIndexOf('/');
        var pieces = new List<string>();
        if (slash >= 0 && slash + 1 < path.Length)
        {
            pieces.Add(path[(slash + 1)..]);
        }

        if (query >= 0)
        {
            pieces.AddRange(normalised[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries));
        }

        return [.. pieces];
    }
}
