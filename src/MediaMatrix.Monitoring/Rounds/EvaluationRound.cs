using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Content;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Rounds;

/// <summary>
/// One evaluation round (检查) of the whole matrix at an instant T, the only place the matrix is judged: it reads the
/// matrix-wide inputs once (poll states, open alerts, findings, tasks and manual completions), then streams the
/// accounts (each account's posts and history read once, matched against the tasks it owes, evaluated by the pure
/// rubric, its posts dropped), and runs the alert rules over the same evaluations and task standings. What it hands
/// back is compact (no posts). Only a request that says so writes: the evaluation history (at most one record per
/// <see cref="StabilityOptions.MinimumSpacing"/>, so looking never changes stability) and the alert changes.
/// </summary>
public sealed class EvaluationRound(
    IPostStore posts, IEvaluationStore evaluations, IAlertStore openAlerts, ITaskStore tasks, IFindingStore findings,
    MatrixConfig matrix, AssessmentOptions options, TaskMatchOptions taskOptions, AlertOptions alertOptions, AlertService alerts,
    IContentFindingStore? contentFindings = null, ContentChecks? checks = null, ICaseStore? cases = null)
{
    // Accounts whose reads are in flight together: the Redis client pipelines them into few round trips, and the round
    // holds only this many accounts' posts at once.
    private const int ReadAhead = 64;

    // A bulletin's previous period needs evaluations from a quarter or more back: a year of daily records, the store's
    // own default cap (StoreOptions.MaxEvaluationsPerAccount).
    private const int PeriodHistoryDepth = 400;

    /// <summary>Judges every account at <paramref name="at"/> and writes nothing (<c>check</c>, pages, API, digest).</summary>
    public Task<MatrixReport> RunAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        RunAsync(RoundRequest.Look(at), cancellationToken);

    public async Task<MatrixReport> RunAsync(RoundRequest request, CancellationToken cancellationToken)
    {
        var at = request.At;
        var inputs = await RoundInputs.ReadAsync(posts, openAlerts, tasks, findings, contentFindings, matrix, cancellationToken, cases).ConfigureAwait(false);
        var knownFindings = inputs.ContentFindings.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var newFindings = new List<ContentFinding>();
        var checker = checks?.Checker;

        // The frequency part reads publication times from the timeline scores, over twice the long-term window: a post
        // from before the window is what proves a silence since the window's start. Posts themselves (titles, links) are
        // read only as far back as a check needs them: the tasks matched, and the veto window.
        var rubricFrom = at - options.LongTermWindow - options.LongTermWindow;
        var timesFrom = request.CountPostsFrom is { } countFrom && countFrom < rubricFrom ? countFrom : rubricFrom;
        var dueFrom = request.TasksDueFrom ?? at - Longest(taskOptions.TallyWindow, alertOptions.TaskLookback);
        var knownDue = inputs.Known.Where(t => t.Deadline >= dueFrom && t.Issued <= at).ToList();

        // The head's posts come first: the keyword rules make tasks from them, and every member is matched against those.
        var head = matrix.Head.Id;
        var headPosts = await posts.GetPostsAsync(head, Earliest(rubricFrom, knownDue.Select(t => t.Issued)), cancellationToken).ConfigureAwait(false);
        var matrixTasks = MatrixTasks.WithRuleTasks(matrix, inputs.Known, Since(headPosts, rubricFrom)).Where(t => t.Deadline >= dueFrom).ToList();
        var completions = new CompletionMatrix.Builder(matrixTasks, matrix.MemberIds, inputs.Manual, at, taskOptions);
        var postsFrom = Earliest(at - options.VetoWindow, completions.Tasks.Select(t => t.Issued));
        var zone = matrix.Matrix.TimeZone;

        var overlaps = Overlaps(matrix.Accounts);
        var depth = request.PeriodBefore is null ? options.Stability.HistoryDepth : Math.Max(options.Stability.HistoryDepth, PeriodHistoryDepth);
        var accounts = matrix.Accounts;
        var results = new List<(Account Account, Evaluation Evaluation)>(accounts.Count);
        var newest = new DateTimeOffset?[accounts.Count];
        var flagged = new bool[accounts.Count];
        var newestPosts = new Dictionary<string, Post>(StringComparer.Ordinal);
        var olderPosts = new List<(string AccountId, DateTimeOffset LastPostAt)>();
        var period = new List<EvaluationRecord>();
        var postsCounted = 0;
        List<(Task<StoredTimes> Times, Task<IReadOnlyList<Post>> Posts, Task<IReadOnlyList<EvaluationRecord>> History)> Read(int first) =>
            [.. accounts.Skip(first).Take(ReadAhead).Select(a => (
                posts.GetPublicationTimesAsync(a.Id, timesFrom, cancellationToken),
                a.Id == head ? Task.FromResult(Since(headPosts, postsFrom)) : posts.GetPostsAsync(a.Id, postsFrom, cancellationToken),
                evaluations.GetEvaluationHistoryAsync(a.Id, depth, cancellationToken)))];

        var next = Read(0);
        for (var first = 0; first < accounts.Count; first += ReadAhead)
        {
            var reads = next;
            await Task.WhenAll(reads.SelectMany(r => new Task[] { r.Times, r.Posts, r.History })).ConfigureAwait(false);

            // The next chunk's reads go out before this one is judged, so the store works while the rubric does.
            next = first + ReadAhead < accounts.Count ? Read(first + ReadAhead) : [];
            for (var j = 0; j < reads.Count; j++)
            {
                var account = accounts[first + j];
                var times = await reads[j].Times.ConfigureAwait(false);
                var read = await reads[j].Posts.ConfigureAwait(false);
                var history = await reads[j].History.ConfigureAwait(false);
                completions.Add(account.Id, read, newestFirst: true);
                // The content checks read the same posts, over the veto window: what an inspector checking today reads.
                if (checker is not null)
                    newFindings.AddRange(ContentScan.NewFindings(checker, account.Id, read, at - options.VetoWindow, at, zone, knownFindings));
                postsCounted += request.CountPostsFrom is { } counted ? CountIn(times.UtcTicks, counted, at) : 0;

                var input = new AssessmentInput(account, [], inputs.Polls.GetValueOrDefault(account.Id))
                {
                    Times = PublicationTimes.Of(times.UtcTicks, times.DayStarts, zone, rubricFrom),
                    Tasks = completions.Tally(account.Id, taskOptions.TallyWindow),
                    Zone = zone,
                    Overlapping = overlaps.GetValueOrDefault(account.Id),
                    Findings = inputs.Findings,
                    History = history.Count > options.Stability.HistoryDepth ? [.. history.Take(options.Stability.HistoryDepth)] : history,
                };
                var evaluation = AccountAssessor.Evaluate(input, at, options);
                results.Add((account, evaluation));
                newest[first + j] = history.Count > 0 ? history[0].At : null;
                flagged[first + j] = history.Count > 0 && (history[0].Verdict == Verdict.Unqualified || history[0].Weak);
                if (request.PeriodBefore is { } range && LastIn(history, range) is { } record)
                    period.Add(record);
                if (Newest(read, at) is { } post)
                    newestPosts[account.Id] = post;
                else if (evaluation.LastPostAt is { } last)
                    olderPosts.Add((account.Id, last));
            }
        }

        // Evidence for the accounts silent for longer than the posts read (the veto window at least): their newest post
        // is read once more, from its own instant, for these accounts alone.
        foreach (var chunk in olderPosts.Chunk(ReadAhead))
        {
            var older = chunk.Select(o => (o.AccountId, Posts: posts.GetPostsAsync(o.AccountId, o.LastPostAt, cancellationToken))).ToList();
            await Task.WhenAll(older.Select(o => o.Posts)).ConfigureAwait(false);
            foreach (var (accountId, read) in older)
            {
                if (Newest(await read.ConfigureAwait(false), at) is { } post)
                    newestPosts[accountId] = post;
            }
        }

        var allFindings = newFindings.Count == 0 ? inputs.ContentFindings : [.. newFindings, .. inputs.ContentFindings];
        var latestTitles = WithEvidence(results, newestPosts, inputs, at);
        NameMergeTargets(results);
        var completed = completions.Build();
        var judged = results.Select(r => r.Evaluation).ToList();
        var (caseChanges, cleanup) = CaseProgress(inputs.Cases, judged, newestPosts, at);
        var sampled = Sampled(request, at, judged, inputs.OpenAlerts, flagged);
        var changes = AlertRules.Evaluate(inputs.OpenAlerts,
            [.. judged.Where(e => sampled is null || sampled.Contains(e.AccountId)).Select(e => new AccountStanding(e, inputs.Polls.GetValueOrDefault(e.AccountId)))],
            TaskStanding.Watched(completed, at - alertOptions.TaskLookback), at, alertOptions, cleanup, AccountLabel.All(matrix.Accounts),
            [.. accounts.Select(a => new CollectionStanding(a, inputs.Polls.GetValueOrDefault(a.Id)))]);

        if (request.SaveHistory)
            await SaveHistoryAsync(judged, newest, at, cancellationToken).ConfigureAwait(false);
        // Before the alerts: a notice found now must not leave an overdue alert standing in the store without its cause.
        if (request.ProgressCases && cases is not null)
        {
            foreach (var change in caseChanges)
                await cases.UpdateCaseAsync(change, cancellationToken).ConfigureAwait(false);
        }

        if (request.ApplyAlerts)
            changes = await alerts.ApplyAsync(changes, at, cancellationToken).ConfigureAwait(false);
        if (request.ProposeFindings && contentFindings is not null && newFindings.Count > 0)
            await contentFindings.ProposeAsync(newFindings, cancellationToken).ConfigureAwait(false);

        return new MatrixReport(at, MatrixSummary.Of(judged), results)
        {
            Pack = options.Pack,
            Completions = completed,
            Alerts = changes,
            Sampled = sampled is null ? null : [.. judged.Select(e => e.AccountId).Where(sampled.Contains)],
            LatestTitles = latestTitles,
            PeriodBefore = period,
            PostsCounted = postsCounted,
            ContentFindings = allFindings,
            NewContentFindings = newFindings,
            Cases = cleanup,
        };
    }

    // What the round finds of the open cases by itself: each account's evaluation at T and its newest post.
    private static (List<CaseChange> Changes, List<CleanupCase> Cases) CaseProgress(
        IReadOnlyList<CleanupCase> all, List<Evaluation> judged, Dictionary<string, Post> newest, DateTimeOffset at)
    {
        var changes = new List<CaseChange>();
        var cases = new List<CleanupCase>(all.Count);
        var byAccount = judged.ToDictionary(e => e.AccountId, StringComparer.Ordinal);
        foreach (var c in all)
        {
            var change = c.OpenedAt <= at ? CaseSteps.Progress(c, byAccount.GetValueOrDefault(c.AccountId), newest.GetValueOrDefault(c.AccountId), at) : null;
            if (change is not null)
                changes.Add(change);
            cases.Add(change?.After ?? c);
        }

        return (changes, cases);
    }

    private async Task SaveHistoryAsync(List<Evaluation> judged, DateTimeOffset?[] newest, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var i = 0; i < judged.Count; i++)
        {
            if (IsDueForHistory(newest[i], at))
                await evaluations.SaveEvaluationAsync(judged[i].ToRecord(), cancellationToken).ConfigureAwait(false);
        }
    }

    // Stability counts evaluations, so an evaluation job running every few minutes must not burn through K in a quarter
    // of an hour: keep one record per spacing. Re-saving the same instant is allowed (it replaces itself).
    private bool IsDueForHistory(DateTimeOffset? newest, DateTimeOffset now) =>
        newest is not { } last || last == now || last <= now - options.Stability.MinimumSpacing;

    // 日抽查: the day's draw plus every flagged account, from what the round has already read.
    private static HashSet<string>? Sampled(RoundRequest request, DateTimeOffset at, List<Evaluation> evaluations, IReadOnlyList<Alert> open, bool[] flagged)
    {
        if (request.Sample is not { } spot)
            return null;

        var ids = evaluations.Select(e => e.AccountId).ToList();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, spot.Zone).DateTime);
        var selected = new HashSet<string>(Rhythm.SpotCheckSample.Draw(ids, spot.Size, spot.Seed, day), StringComparer.Ordinal);
        var known = ids.ToHashSet(StringComparer.Ordinal);
        selected.UnionWith(open.Select(a => a.Subject).Where(known.Contains));
        for (var i = 0; i < ids.Count; i++)
        {
            if (flagged[i])
                selected.Add(ids[i]);
        }

        return selected;
    }

    // Each evaluation keeps what it rests on; the digest names the newest post of the accounts it lists.
    private static Dictionary<string, string> WithEvidence(
        List<(Account Account, Evaluation Evaluation)> results, Dictionary<string, Post> newest, RoundInputs inputs, DateTimeOffset at)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < results.Count; i++)
        {
            var (account, evaluation) = results[i];
            var post = newest.GetValueOrDefault(account.Id);
            var vetoes = inputs.Findings.Where(f => f.AccountId == account.Id && f.IsActiveAt(at)).Select(f => f.Id).ToList();
            var evidence = new Evidence(post is null ? null : EvidencePost.Of(post), inputs.Polls.GetValueOrDefault(account.Id)?.LastSuccessAt)
            {
                FindingIds = vetoes,
            };
            results[i] = (account, evaluation with { Evidence = evidence });
            if (post is not null && (evaluation.Verdict == Verdict.Unqualified || evaluation.Weak))
                titles[account.Id] = post.Title;
        }

        return titles;
    }

    // The merge target depends on the other accounts' evaluations, so it is filled in once all are known.
    /// <summary>For each member, another member of the same unit — on the same platform if there is one —: the overlap a
    /// merge proposal rests on (same unit, same audience), never follower counts.</summary>
    private static Dictionary<string, Account> Overlaps(IReadOnlyList<Account> accounts)
    {
        var overlaps = new Dictionary<string, Account>(StringComparer.Ordinal);
        foreach (var account in accounts.Where(a => a.Tier == Tier.Member))
        {
            var same = accounts.Where(o => o.Id != account.Id && o.Tier == Tier.Member && string.Equals(o.Department, account.Department, StringComparison.Ordinal)).ToList();
            if ((same.FirstOrDefault(o => o.Platform == account.Platform) ?? same.FirstOrDefault()) is { } other)
                overlaps[account.Id] = other;
        }

        return overlaps;
    }

    private static void NameMergeTargets(List<(Account Account, Evaluation Evaluation)> results)
    {
        for (var i = 0; i < results.Count; i++)
        {
            var (account, evaluation) = results[i];
            if (evaluation.Disposition is { Kind: DispositionKind.Merge } merge)
            {
                var target = Dispositions.MergeTarget(account, results);
                results[i] = (account, evaluation with { Disposition = Dispositions.WithMergeTarget(merge, target) });
            }
        }
    }

    // The store gives posts newest first: the rubric's window is a prefix.
    private static IReadOnlyList<Post> Since(IReadOnlyList<Post> newestFirst, DateTimeOffset from)
    {
        var n = 0;
        while (n < newestFirst.Count && newestFirst[n].PublishedAt >= from)
            n++;
        return n == newestFirst.Count ? newestFirst : [.. newestFirst.Take(n)];
    }

    private static int CountIn(long[] utcAscending, DateTimeOffset from, DateTimeOffset to)
    {
        var n = 0;
        foreach (var ticks in utcAscending)
            n += ticks >= from.UtcTicks && ticks <= to.UtcTicks ? 1 : 0;
        return n;
    }

    private static TimeSpan Longest(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // The newest dated post at T; a pinned (置顶) one says nothing of how fresh the account is.
    private static Post? Newest(IReadOnlyList<Post> newestFirst, DateTimeOffset at) =>
        newestFirst.FirstOrDefault(p => p.PublishedAt <= at && !p.Pinned);

    private static EvaluationRecord? LastIn(IReadOnlyList<EvaluationRecord> newestFirst, (DateTimeOffset Start, DateTimeOffset End) range) =>
        newestFirst.FirstOrDefault(r => r.At >= range.Start && r.At < range.End);

    private static DateTimeOffset Earliest(DateTimeOffset from, IEnumerable<DateTimeOffset> issued)
    {
        var earliest = from;
        foreach (var i in issued)
            earliest = i < earliest ? i : earliest;
        return earliest;
    }
}
