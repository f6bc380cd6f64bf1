using BenchmarkDotNet.Attributes;
using MediaMatrix.Benchmarks.Inputs;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Tasks;
using MediaMatrix.Monitoring.Tests.Reference;

namespace MediaMatrix.Benchmarks.Micro;

/// <summary>
/// S1: assessing 10,000 accounts × 90 days of posts in memory, single thread. Target (issue 4): the frequency part
/// (<see cref="PostCounts"/>) ≤ 5 ms for the whole matrix; the full rubric and cluster-task matching are measured beside it.
/// The floor (the baseline) is a bare loop over the same publication ticks, so the ratio column says how far the frequency
/// part is from merely reading its input, whatever the box's load does to the milliseconds.
/// </summary>
public class AssessmentBenchmarks
{
    private static readonly AssessmentOptions Options = new();
    private static readonly TaskMatchOptions TaskOptions = new();

    private AssessmentCorpus corpus = null!;
    private Dictionary<string, TaskTally> tallies = [];

    [Params(10_000)]
    public int Accounts { get; set; } = 10_000;

    [GlobalSetup]
    public void BuildCorpus()
    {
        corpus = AssessmentCorpus.Create(Accounts);
        tallies = new Dictionary<string, TaskTally>(MatchTasks());
        Console.WriteLine($"// S1 corpus: {Accounts} accounts, {corpus.PostCount} posts in 90 days, {corpus.Tasks.Count} tasks, {tallies.Count} tallies");
    }

    /// <summary>The floor: every account's publication ticks read once and summed, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public long FloorReadTicks()
    {
        var sum = 0L;
        foreach (var input in corpus.Inputs)
        {
            foreach (var ticks in input.Times.UtcTicks)
            {
                sum += ticks;
            }
        }

        return sum;
    }

    /// <summary>The frequency part: 7/14/30-day counts, the last post, the 90-day count and longest gap.</summary>
    [Benchmark]
    public int FrequencyCounts()
    {
        var total = 0;
        foreach (var input in corpus.Inputs)
        {
            total += PostCounts.At(input.Times, AssessmentCorpus.Now, Options.LongTermWindow).LongTerm;
        }

        return total;
    }

    /// <summary>The frequency part before S1: one loop over each account's <see cref="Monitoring.Post"/> objects.</summary>
    [Benchmark]
    public int PreviousFrequencyCounts()
    {
        var total = 0;
        foreach (var input in corpus.Inputs)
        {
            total += PreviousPostCounts.At(input.Posts, AssessmentCorpus.Now, Options.LongTermWindow).LongTerm;
        }

        return total;
    }

    /// <summary>What the frequency part's speed costs once per read of the posts: sorting them into publication ticks.</summary>
    [Benchmark]
    public int BuildPublicationTimes()
    {
        var total = 0;
        foreach (var input in corpus.Inputs)
        {
            total += PublicationTimes.Of(input.Posts).Count;
        }

        return total;
    }

    /// <summary>The whole rubric per account (reasons, parts, grade, disposition), no tasks.</summary>
    [Benchmark]
    public int EvaluateWithoutTasks()
    {
        var qualified = 0;
        foreach (var input in corpus.Inputs)
        {
            qualified += AccountAssessor.Evaluate(input, AssessmentCorpus.Now, Options).Verdict == Verdict.Qualified ? 1 : 0;
        }

        return qualified;
    }

    /// <summary>Task matching's floor: every member's posts visited once, each one's publication time read.</summary>
    [Benchmark]
    public long WalkPostDates()
    {
        var sum = 0L;
        foreach (var id in corpus.MemberIds)
        {
            var posts = corpus.PostsByAccount[id];
            for (var i = 0; i < posts.Count; i++)
            {
                sum += posts[i].PublishedAt?.UtcTicks ?? 0;
            }
        }

        return sum;
    }

    /// <summary>Cluster-task matching alone, as an evaluation round does it: every member's posts (newest first, as the
    /// store gives them) against every task, account by account, then the per-member tallies.</summary>
    [Benchmark]
    public IReadOnlyDictionary<string, TaskTally> MatchTasks()
    {
        var builder = new CompletionMatrix.Builder(corpus.Tasks, corpus.MemberIds, [], AssessmentCorpus.Now, TaskOptions);
        foreach (var id in corpus.MemberIds)
        {
            builder.Add(id, corpus.PostsByAccount[id], newestFirst: true);
        }

        return builder.Build().Tallies(TaskOptions.TallyWindow);
    }

    /// <summary>The same over the posts in any order: every post visited (what matching cost before the round).</summary>
    [Benchmark]
    public IReadOnlyDictionary<string, TaskTally> MatchTasksAnyOrder() =>
        CompletionMatrix.Build(corpus.Tasks, corpus.MemberIds, corpus.PostsByAccount, [], AssessmentCorpus.Now, TaskOptions)
            .Tallies(TaskOptions.TallyWindow);

    /// <summary>Task matching before S1 (cells only, no tally): each task matched alone against every member's posts,
    /// every post's title and link reduced again for each task.</summary>
    [Benchmark]
    public int PreviousMatchTasks()
    {
        var completed = 0;
        foreach (var task in corpus.Tasks)
        {
            var matcher = new PreviousTaskMatching.Matcher(task, TaskOptions.TitleSimilarity);
            foreach (var id in corpus.MemberIds)
            {
                completed += matcher.Match(id, corpus.PostsByAccount[id], AssessmentCorpus.Now).IsCompleted ? 1 : 0;
            }
        }

        return completed;
    }

    /// <summary>What an inspection runs: task matching, then the rubric with each member's tally.</summary>
    [Benchmark]
    public int MatchTasksThenEvaluate()
    {
        var matched = MatchTasks();
        var qualified = 0;
        foreach (var input in corpus.Inputs)
        {
            var withTasks = input with { Tasks = matched.GetValueOrDefault(input.Account.Id) };
            qualified += AccountAssessor.Evaluate(withTasks, AssessmentCorpus.Now, Options).Verdict == Verdict.Qualified ? 1 : 0;
        }

        return qualified;
    }
}
