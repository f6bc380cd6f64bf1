namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// The tasks' title bigrams, indexed by bigram: for each, which tasks' titles have it and how often. A post's title is
/// then scored against every task in one pass over its own bigrams, instead of once per task; most of a post's bigrams
/// are in no task's title, and a 64-Kbit filter answers those without a dictionary lookup.
/// </summary>
internal sealed class TaskTitleIndex
{
    private readonly Dictionary<int, (int Start, int Length)> byBigram = [];
    private readonly int[] bigramCounts;
    private readonly ulong[] filter = new ulong[1024];

    public TaskTitleIndex(IReadOnlyList<string> titles)
    {
        bigramCounts = new int[titles.Count];
        var occurrences = new SortedDictionary<int, Dictionary<int, int>>();
        for (var task = 0; task < titles.Count; task++)
        {
            var core = TitleSimilarity.Core(titles[task]);
            bigramCounts[task] = TitleBigrams.Count(core.Length);
            for (var i = 0; i < bigramCounts[task]; i++)
            {
                var bigram = TitleBigrams.At(core, i);
                if (!occurrences.TryGetValue(bigram, out var perTask))
                {
                    occurrences[bigram] = perTask = [];
                }

                perTask[task] = perTask.GetValueOrDefault(task) + 1;
            }
        }

        var tasks = new List<int>();
        var counts = new List<int>();
        foreach (var (bigram, perTask) in occurrences)
        {
            byBigram[bigram] = (tasks.Count, perTask.Count);
            foreach (var (task, count) in perTask)
            {
                tasks.Add(task);
                counts.Add(count);
            }

            filter[Slot(bigram) >> 6] |= 1UL << Slot(bigram);
        }

        EntryTasks = [.. tasks];
        EntryCounts = [.. counts];
    }

    /// <summary>For each (bigram, task) entry: the task.</summary>
    public int[] EntryTasks { get; }

    /// <summary>For each entry: how often the bigram occurs in that task's title.</summary>
    public int[] EntryCounts { get; }

    public int TaskCount => bigramCounts.Length;

    /// <summary>|A| of a task's title: its bigrams, counted with repeats.</summary>
    public int BigramCount(int task) => bigramCounts[task];

    /// <summary>The entries of <paramref name="bigram"/>, if any task's title has it.</summary>
    public bool TryFind(int bigram, out int start, out int length)
    {
        if ((filter[Slot(bigram) >> 6] & (1UL << Slot(bigram))) == 0)
        {
            (start, length) = (0, 0);
            return false;
        }

        var found = byBigram.TryGetValue(bigram, out var range);
        (start, length) = range;
        return found;
    }

    // Fibonacci hashing to 16 bits: bigrams of the same first char differ only in their low half.
    private static int Slot(int bigram) => (int)(((uint)bigram * 0x9E3779B1u) >> 16);
}
