using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// One fetched body to read as posts. <see cref="Now"/> and <see cref="Zone"/> anchor relative and
/// zone-less dates (3小时前, 12月1日); <see cref="PageUrl"/> resolves relative links.
/// </summary>
public sealed record ExtractionRequest(
    SourceKind Kind,
    Profile? Profile,
    ReadOnlyMemory<byte> Body,
    string? ContentType,
    Uri PageUrl,
    DateTimeOffset Now,
    TimeZoneInfo Zone)
{
    /// <summary>Characters of each post's text kept (<see cref="PostText"/>); 0 keeps none.</summary>
    public int TextLength { get; init; } = PostText.DefaultLength;
}

/// <summary>
/// The posts read from one body; <see cref="UndatedCount"/> of them have no readable date.
/// <see cref="NextPage"/> is the older page's URL when the profile names one and the page has it.
/// <see cref="EmptyByMarker"/>: no items, and the page says so with the profile's empty marker.
/// <see cref="TitlesCut"/>: titles longer than <see cref="ScrapedText.MaxTitleLength"/>, kept cut.
/// </summary>
public sealed record ExtractionResult(IReadOnlyList<Post> Posts, int UndatedCount, Uri? NextPage = null, bool EmptyByMarker = false, int TitlesCut = 0)
{
    /// <summary>Feed items dropped as unreadable while the rest of the feed was read (poll health shows it).</summary>
    public int DroppedCount { get; init; }
}
