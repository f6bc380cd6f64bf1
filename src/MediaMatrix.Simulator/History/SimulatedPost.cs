namespace MediaMatrix.Simulator.History;

/// <summary>
/// One post in an account's history. <paramref name="Link"/> is a path under the simulator
/// (or, for the hostile account, sometimes a <c>javascript:</c> URL).
/// </summary>
/// <param name="Id">Stable across runs: the account, the day and the post's place in that day.</param>
/// <param name="Number">The CMS-style article number in <c>art_{Number}.html</c>.</param>
public sealed record SimulatedPost(string Id, long Number, string Title, string Link, DateTimeOffset Published)
{
    /// <summary>A stable, well-mixed number for choosing a post's quirk (which payload, which broken date).</summary>
    internal int Variant => StableHash.Of(Id) & int.MaxValue;
}
