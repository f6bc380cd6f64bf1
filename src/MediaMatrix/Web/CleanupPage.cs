using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Web;

/// <summary>The cleanup board: weak, dormant and zombie accounts (and other unqualified ones with a proposal beyond retain),
/// each with the proposed disposition and its reasons (the page is Pages/Cleanup.razor).</summary>
internal static class CleanupPage
{
    public static bool OnBoard(Evaluation e) =>
        e.Weak || e.Zombie || e.Dormant || (e.Disposition is { Kind: not DispositionKind.Retain });
}
