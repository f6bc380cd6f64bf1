using System.Numerics;
using System.Runtime.CompilerServices;

namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// The tasks' title bigrams, indexed by bigram: for each, which tasks' titles have it and how often. A post's title is
/// then scored against every task in one pass over its own bigrams, instead of once per task. The index is a small
/// open-addressing table (a few KB for a few tasks, so it stays in cache): one probe answers most bigrams, which are in
/// no task's title.
/// </summary>
internal sealed class TaskTitleIndex
{
    // 0 marks an empty slot: no bigram packs to 0, because a core never contains char 0.
    private readonly int[] keys;
    private readonly int[] starts;
    private readonly int[] lengths;
    private readonly int mask;
    private readonly int shift;
    private readonly int[] bigramCounts;

    public TaskTitleIndex(IReadOnlyList<string> titles)
    {
        bigramCounts = new int[titles.Count];
        var occurrences = new SortedDictionary<int, SortedDictionary<int, int>>();
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

        // At most a quarter full, so a miss usually ends at the first empty slot.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, occurrences.Count * 4));
        (keys, starts, lengths, mask, shift) = (new int[size], new int[size], new int[size], size - 1, 32 - BitOperations.Log2((uint)size));
        var tasks = new List<int>();
        var counts = new List<int>();
        foreach (var (bigram, perTask) in occurrences)
        {
            var slot = Slot(bigram);
            while (keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            (keys[slot], starts[slot], lengths[slot]) = (bigram, tasks.Count, perTask.Count);
            foreach (var (task, count) in perTask)
            {
                tasks.Add(task);
                counts.Add(count);
            }
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

    /// <summary>The entries of <paramref name="bigram"/> (<see cref="EntryTasks"/>[start..start+length]); length 0 when no
    /// task's title has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(int bigram, out int start)
    {
        for (var slot = Slot(bigram); keys[slot] != 0; slot = (slot + 1) & mask)
        {
            if (keys[slot] == bigram)
            {
                start = starts[slot];
                return lengths[slot];
            }
        }

        start = 0;
        return 0;
    }

    // Fibonacci hashing (the product's top bits): bigrams of the same first char differ only in their low half.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(int bigram) => (int)(((uint)bigram * 0x9E3779B1u) >> shift);
}
