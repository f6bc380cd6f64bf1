using System.Globalization;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Web;

/// <summary>One step of a cleanup case recorded by hand, from the cleanup board or the API; the error names the field.
/// The date is a day in the matrix's zone (empty: now); the notice needs its link, the merge its target account.</summary>
internal static class CaseInput
{
    public const int MaxReferenceLength = 100;

    public static (StepRecord? Record, string? Error) Read(
        CleanupCase c, string? step, string? day, string? link, string? reference, string? target, string? note,
        MatrixConfig matrix, string by, DateTimeOffset now)
    {
        if (CaseSteps.StepOf(step) is not { } kind || c.Step(kind) is null)
        {
            return (null, $"step: one of {string.Join(", ", c.Steps.Select(s => CaseSteps.StepName(s.Kind)))}");
        }

        var doneAt = now;
        if (!string.IsNullOrWhiteSpace(day))
        {
            if (!DateOnly.TryParseExact(day.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (null, "at: a date as yyyy-MM-dd");
            }

            var zone = matrix.Matrix.TimeZone;
            var local = date.ToDateTime(TimeOnly.MinValue);
            doneAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (doneAt > now)
            {
                return (null, "at: must not be in the future");
            }
        }

        var text = note?.Trim() ?? "";
        if (OperatorNote.Problem(text) is { } noteProblem)
        {
            return (null, $"note: {noteProblem}");
        }

        var record = new StepRecord(kind, doneAt, by, now) { Note = text.Length == 0 ? null : text };
        switch (kind)
        {
            case CaseStepKind.Notice:
                if (string.IsNullOrWhiteSpace(link) || TaskRules.LinkProblem(link.Trim(), out var url) is not null)
                {
                    return (null, $"link: the notice's http(s) link, at most {TaskRules.MaxLinkLength} characters");
                }

                return (record with { Link = url!.OriginalString }, null);
            case CaseStepKind.Merged:
                var into = string.IsNullOrWhiteSpace(target) ? c.MergeInto : target.Trim();
                if (into is null || into == c.AccountId || matrix.Accounts.All(a => a.Id != into))
                {
                    return (null, "target: the account it was merged into (another account of the matrix)");
                }

                return (record with { Reference = into }, null);
            case CaseStepKind.Filed:
                var number = reference?.Trim() ?? "";
                if (number.Length > MaxReferenceLength || OperatorNote.Problem(number) is not null)
                {
                    return (null, $"reference: the filing number, at most {MaxReferenceLength} characters, no control characters");
                }

                return (record with { Reference = number.Length == 0 ? null : number }, null);
            default:
                return (record, null);
        }
    }
}
