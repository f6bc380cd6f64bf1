using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediaMatrix.Monitoring.Registry;

namespace MediaMatrix.Reports;

/// <summary>
/// What <c>registry</c> prints: the changes to the matrix config and the flags, as text or JSON (the JSON shape is a
/// public interface: fields may be added, never renamed). Every value from the registry file is already cleaned
/// (<see cref="RegistryText"/>); it is printed as text, nothing in it is evaluated.
/// </summary>
internal static class RegistryReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public sealed record Outcome(string File, string Config, string RegistryFile, bool DryRun, bool Written, bool KeyAdded);

    public static string KindName(RegistryFlagKind kind) => kind switch
    {
        RegistryFlagKind.DuplicateUnitPlatform => "duplicate-unit-platform",
        RegistryFlagKind.ClosedButPosting => "closed-but-posting",
        RegistryFlagKind.Unfiled => "unfiled",
        _ => "unit-differs",
    };

    public static string ToJson(RegistryPlan plan, Outcome outcome) => JsonSerializer.Serialize(new
    {
        file = outcome.File,
        config = outcome.Config,
        registryFile = outcome.RegistryFile,
        dryRun = outcome.DryRun,
        written = outcome.Written,
        rows = plan.Filings.Count,
        changed = plan.Changed.Select(c => new { account = c.Account, where = c.Where, fields = c.Fields.Select(f => new { field = f.Field, before = f.Before, after = f.After }) }),
        added = plan.Added.Select(a => new { where = a.Where, unit = a.Unit, platform = RegistryPlan.PlatformName(a.Platform), name = a.Name, number = a.Number, status = RegistryPlan.StatusName(a.Status) }),
        removed = plan.Removed.Select(f => new { account = f.Account, unit = f.Unit, platform = RegistryPlan.PlatformName(f.Platform), name = f.Name, number = f.Number }),
        missing = plan.Missing,
        flags = plan.Flags.Select(f => new { kind = KindName(f.Kind), accounts = f.Accounts, message = f.Message }),
    }, Json) + Environment.NewLine;

    public static string ToText(RegistryPlan plan, Outcome outcome)
    {
        var text = new StringBuilder();
        var filed = plan.Filings.Count(f => f.Account is not null);
        text.Append($"registry {outcome.File} → {outcome.Config}{(outcome.DryRun ? " (dry run: nothing written)" : string.Empty)}\n");
        text.Append($"{plan.Filings.Count} rows: {filed} matrix accounts filed, {plan.Filings.Count - filed} filed but not monitored; {plan.Missing.Count} matrix accounts not filed\n");

        text.Append(plan.ChangesNothing && plan.Missing.Count == 0 ? "\nchanges: none\n" : "\nchanges:\n");
        foreach (var c in plan.Changed)
            text.Append($"  ~ {c.Account} ({c.Where}): {string.Join("; ", c.Fields.Select(f => $"{f.Field}: {f.Before ?? "—"} → {f.After ?? "—"}"))}\n");
        foreach (var a in plan.Added)
            text.Append($"  + filed, not monitored ({a.Where}): {a.Unit} · {RegistryPlan.PlatformName(a.Platform)} · {a.Name} · {a.Number ?? "—"} · {RegistryPlan.StatusName(a.Status)}\n");
        foreach (var f in plan.Removed)
            text.Append($"  - no longer in the registry: {f.Account ?? "(not monitored)"} · {f.Unit} · {RegistryPlan.PlatformName(f.Platform)} · {f.Name}\n");
        foreach (var id in plan.Missing)
            text.Append($"  ? in the matrix, not in the registry: {id}\n");

        text.Append(plan.Flags.Count == 0 ? "\nflags: none\n" : "\nflags:\n");
        foreach (var f in plan.Flags)
            text.Append($"  [{KindName(f.Kind)}] {f.Message}\n");

        if (outcome.Written)
        {
            text.Append($"\nwrote {outcome.RegistryFile}");
            text.Append(outcome.KeyAdded ? $"; added `registry:` to {outcome.Config}\n" : "\n");
        }

        return text.ToString();
    }
}
