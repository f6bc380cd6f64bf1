using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Decisions;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Simulator.Cast;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMatrix.Cli;

/// <summary>
/// Demo seed data: the one thing the demo cannot get from the simulated history, because it is an operator's act. At
/// start it confirms the proposed closure of the cast's zombie account, through the same decision store and
/// <see cref="CaseService"/> the cleanup board uses, so the board opens with a cleanup case and its three steps
/// (stop-updating notice, account closed, closure filed). Marked as seed data in who decided and why.
/// </summary>
internal static class DemoSeed
{
    public const string By = "demo-seed";

    // Chinese only, as an operator writes a reason: the pages show it as it is, in either language.
    public const string Reason = "演示预置数据：启动时确认注销关停，并非操作员的决定";

    /// <summary>The zombie of the demo cast: the account an office would close first.</summary>
    public static string ClosedAccount { get; } = DemoCast.Accounts.Single(a => a.Behaviour == AccountBehaviour.Zombie).Id;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var decisions = services.GetRequiredService<IDecisionStore>();
        // A store kept across runs (Store:Kind redis) already holds it, or holds an operator's own decision: leave both.
        if ((await decisions.GetDecisionsAsync(ClosedAccount, cancellationToken)).Count > 0)
        {
            return;
        }

        var decision = Decision.Confirm(ClosedAccount, DispositionKind.Close, Reason, By, services.GetRequiredService<TimeProvider>().GetUtcNow());
        await decisions.SaveDecisionAsync(decision, cancellationToken);
        await services.GetRequiredService<CaseService>().DecidedAsync(decision, null, cancellationToken);
    }
}
