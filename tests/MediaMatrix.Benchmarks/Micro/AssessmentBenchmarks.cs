using BenchmarkDotNet.Attributes;
using MediaMatrix.Benchmarks.Inputs;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Benchmarks.Micro;

/// <summary>
/// S1: assessing 10,000 accounts × 90 days of posts in memory, single thread. Target (issue 4): the frequency part
/// (<see cref="PostCounts"/>) ≤ 5 ms for the whole matrix; the full rubric and cluster-task matching are measured beside it.
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

    /// <summary>The frequency part: 7/14/30-day counts, the last post, the 90-day count and longest gap.</summary>
    [Benchmark(Baseline = true)]
    public int FrequencyCounts()
    {
        var total = 0;
        foreach (var input in corpus.Inputs)
        {
            total += PostCounts.At(input.Posts, AssessmentCorpus.Now, Options.LongTermWindow).LongTerm;
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

    /// <summary>Cluster-task matching alone: every member's posts against every task, then the per-member tallies.</summary>
    [Benchmark]
    public IReadOnlyDictionary<string, TaskTally> MatchTasks() =>
        CompletionMatrix.Build(corpus.Tasks, corpus.MemberIds, corpus.PostsByAccount, [], AssessmentCorpus.Now, TaskOptions)
            .Tallies(TaskOptions.TallyWindow);

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
