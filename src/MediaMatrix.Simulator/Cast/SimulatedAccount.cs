namespace MediaMatrix.Simulator.Cast;

/// <summary>
/// One account the simulator plays. <paramref name="Platform"/> and <paramref name="Tier"/> are
/// spelled as the matrix config spells them (<c>wechat</c>, <c>head</c>), so the YAML render copies them.
/// </summary>
/// <param name="Id">Lower-case <c>[a-z0-9-]</c>; used in URLs and in the config.</param>
/// <param name="ListShowsTime">HTML list dates as <c>yyyy-MM-dd HH:mm</c> instead of date-only.</param>
/// <param name="LayoutChangesAfterRequests">For <see cref="AccountBehaviour.LayoutChanged"/>: how many source requests see the old markup (null: no limit by count).</param>
/// <param name="LateCharsetMeta">Puts over 1 KB of head metadata before the HTML list's <c>&lt;meta charset&gt;</c>.</param>
/// <param name="HtmlPageBytes">Pads an HTML list page with site navigation up to about this size, as real CMS pages (≈100 KB) are; 0 leaves it lean.</param>
/// <param name="Flaws">What some of the account's post texts get wrong (<see cref="ContentFlaw"/>).</param>
/// <param name="Issues">For the head: the cluster tasks it issues as posts (<see cref="SimulatedTask"/>).</param>
/// <param name="Reposts">For a member: how it answers the head's tasks.</param>
/// <param name="PageSize">How many of the newest posts a source page holds. A news client's feed route carries weeks of
/// its 3–6 daily posts, which is also what lets a first read see the tasks the head issued weeks ago.</param>
/// <param name="LayoutChangesAfter">For <see cref="AccountBehaviour.LayoutChanged"/>: how long after the simulator starts the new markup appears (null: no limit by time). Whichever comes first wins.</param>
public sealed record SimulatedAccount(
    string Id,
    string Name,
    string Platform,
    string Tier,
    string Department,
    Topic Topic,
    SourceFormat Format,
    AccountBehaviour Behaviour,
    bool ListShowsTime = false,
    int? LayoutChangesAfterRequests = 3,
    TimeSpan? LayoutChangesAfter = null,
    int HtmlPageBytes = 0,
    bool LateCharsetMeta = false,
    ContentFlaw Flaws = ContentFlaw.None,
    IReadOnlyList<SimulatedTask>? Issues = null,
    RepostHabit Reposts = RepostHabit.Prompt,
    int PageSize = 20)
{
    public bool IsHead => Tier == "head";

    /// <summary>The path of the account's source, relative to the simulator's base URL.</summary>
    public string SourcePath => Format switch
    {
        SourceFormat.Rss => $"feeds/{Id}/rss.xml",
        SourceFormat.Atom => $"feeds/{Id}/atom.xml",
        SourceFormat.JsonFeed => $"feeds/{Id}/feed.json",
        _ => $"sites/{Id}/list.html",
    };
}
