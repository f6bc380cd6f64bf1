using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// Scores one account at instant T from what is stored, in domain.md's order: data sufficiency → veto → diligence and
/// cluster tasks (no popularity: rule 5) → weighted score → stability → grade, dormancy tier, early warning → disposition. Pure: no clock, no I/O; T is a
/// parameter, so <c>check --now</c> and every test are deterministic.
/// </summary>
public static class AccountAssessor
{
    public static Evaluation Evaluate(Account account, IReadOnlyList<Post> posts, PollState? poll, DateTimeOffset now, AssessmentOptions options) =>
        Evaluate(new AssessmentInput(account, posts, poll), now, options);

    public static Evaluation Evaluate(AssessmentInput input, DateTimeOffset now, AssessmentOptions options)
    {
        var account = input.Account;
        var counts = PostCounts.At(input.Times, now, options.LongTermWindow);
        var collectionProblem = CollectionProblem(input.Poll, now, input.Zone, options);
        if (collectionProblem is not null)
        {
            // Nothing is judged, so nothing moves: the streaks and the weak flag carry over unchanged.
            var carried = Stability.Next(input.History, null, now, options.Stability);
            return new Evaluation(account.Id, now, Verdict.Unknown, null, counts.LastPostAt,
                counts.Last7d, counts.Last14d, counts.Last30d, [collectionProblem])
            {
                Tasks = input.Tasks,
                Stability = carried,
                Weak = carried.Weak,
            };
        }

        var reasons = new List<Reason>();
        var last = LastUpdate.Of(counts.LastPostAt, input.Times, now);
        var vetoedBySilence = last is null || last.Value.At < now - options.VetoWindow;
        if (vetoedBySilence)
        {
            reasons.Add(Reasons.NoPostInVetoWindow(options.VetoWindow, last is { } seen ? seen with { At = TimeZoneInfo.ConvertTime(seen.At, input.Zone) } : null, now));
        }

        var vetoed = vetoedBySilence;
        foreach (var finding in input.Findings)
        {
            // A confirmed content finding is stored as a veto with its finding's id (cf-…); the pack says which kinds veto.
            var applies = finding.Id.StartsWith(Content.ContentFinding.IdPrefix, StringComparison.Ordinal) ? options.Vetoes.Content : options.Vetoes.Manual;
            if (applies && finding.AccountId == account.Id && finding.IsActiveAt(now))
            {
                reasons.Add(Reasons.ManualVeto(finding with { From = TimeZoneInfo.ConvertTime(finding.From, input.Zone) }));
                vetoed = true;
            }
        }

        var parts = Parts(input, counts, options, reasons);
        var raw = Math.Round(ScoreParts.Weighted(parts), 1);
        if (parts.Any(p => !p.Counted))
        {
            reasons.Add(Reasons.Renormalised(parts));
        }

        var stability = Stability.Next(input.History, raw, now, options.Stability);
        var published = stability.Score ?? raw;
        if (published != raw)
        {
            reasons.Add(Reasons.Smoothed(raw, published));
        }

        if (stability.Weak)
        {
            reasons.Add(Reasons.Weak(options.Stability));
        }

        var silence = last is { } l ? now - l.At : (TimeSpan?)null;
        var tier = DormancyTier.Of(silence, counts.LongTerm, options.Dormancy);
        var zombie = tier == Dormancy.Zombie;
        var dormant = tier == Dormancy.Dormant;
        var warning = vetoedBySilence ? null : EarlyWarning.At(last, now, input.Zone, options);
        var evaluation = new Evaluation(account.Id, now, vetoed ? Verdict.Unqualified : Verdict.Qualified, published,
            counts.LastPostAt, counts.Last7d, counts.Last14d, counts.Last30d, reasons)
        {
            RawScore = raw,
            Grade = Grades.Of(published, options.Grades),
            Weak = stability.Weak,
            Zombie = zombie,
            Dormant = dormant,
            PostsLongTerm = counts.LongTerm,
            LongestGap = counts.LongestGap,
            Parts = parts,
            Tasks = input.Tasks,
            Dormancy = tier,
            Warnings = warning?.Reasons ?? [],
            VetoInDays = warning?.Days,
            VetoInWorkingDays = warning?.WorkingDays,
            Stability = stability,
        };
        // In the matrix's zone, so the rectify deadline the reason states reads as the office's clock (one clock).
        return evaluation with { Disposition = Dispositions.Propose(account, evaluation, TimeZoneInfo.ConvertTime(now, input.Zone), options, input.Overlapping) };
    }

    // Data sufficiency comes first (domain.md rule 1): a source we cannot read must never look like a silent account.
    private static Reason? CollectionProblem(PollState? poll, DateTimeOffset now, TimeZoneInfo zone, AssessmentOptions options)
    {
        if (poll?.LastSuccessAt is not { } lastSuccess)
        {
            return Reasons.NeverRead(poll?.LastError);
        }

        if (poll.ConsecutiveFailures > 0 && poll.LastErrorClass is FetchErrorClass.Parse or FetchErrorClass.Empty)
        {
            return Reasons.ExtractionFailing(poll.LastError);
        }

        return lastSuccess < now - options.CollectionFreshness
            ? Reasons.NotReadRecently(TimeZoneInfo.ConvertTime(lastSuccess, zone), options.CollectionFreshness, poll.LastError)
            : null;
    }

    /// <summary>Diligence and cluster tasks, in that order, each with its reason.</summary>
    private static ScorePart[] Parts(AssessmentInput input, PostCounts counts, AssessmentOptions options, List<Reason> reasons)
    {
        var weights = options.Weights;
        var diligence = Math.Round(ScoreParts.Diligence(input.Account.Tier, counts, options), 1);
        reasons.Add(Reasons.Cadence(counts, ScoreParts.ExpectedPerWeek(input.Account.Tier, options)));
        reasons.Add(Reasons.LongestGap(counts.LongestGap, options.LongTermWindow, counts.LongTerm));

        var tasks = ScoreParts.Tasks(input.Tasks, options);
        if (tasks is not null)
        {
            reasons.Add(Reasons.Tasks(input.Tasks!));
        }

        return
        [
            new ScorePart(ScorePart.Diligence, diligence, weights.Diligence, true, 0),
            new ScorePart(ScorePart.Tasks, Round(tasks), weights.Tasks, tasks is not null, 0),
        ];
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}
