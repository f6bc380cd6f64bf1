using MediaMatrix.Simulator.Cast;
using MediaMatrix.Simulator.History;

namespace MediaMatrix.Simulator.Rendering;

/// <summary>What a renderer needs to write one source document.</summary>
/// <param name="Posts">Already published, newest first, at most one page.</param>
/// <param name="BaseUrl">The simulator's URL as the client reached it, ending in '/'.</param>
/// <param name="RequestNumber">The 1-based count of source requests to this account, for behaviours that change over requests.</param>
/// <param name="SinceStart">How long the simulator has been running by its clock, for behaviours that change over time.</param>
internal sealed record RenderRequest(
    SimulatedAccount Account,
    IReadOnlyList<SimulatedPost> Posts,
    Uri BaseUrl,
    int RequestNumber,
    TimeSpan SinceStart)
{
    /// <summary>Absolute link for a post; hostile <c>javascript:</c> links pass through untouched, as a hostile source would send them.</summary>
    public string LinkOf(SimulatedPost post) =>
        post.Link.StartsWith('/') ? new Uri(BaseUrl, post.Link.TrimStart('/')).AbsoluteUri : post.Link;

    public string SourceUrl => new Uri(BaseUrl, Account.SourcePath).AbsoluteUri;

    public string HomeUrl => new Uri(BaseUrl, $"sites/{Account.Id}/").AbsoluteUri;

    /// <summary>
    /// The newest post's time, for feed-level dates and Last-Modified. None for the undated
    /// behaviour: a header or channel date must not give away what the items hide.
    /// </summary>
    public DateTimeOffset? Newest => Posts.Count > 0 && Account.Behaviour != AccountBehaviour.Undated ? Posts[0].Published : null;
}
