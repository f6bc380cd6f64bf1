namespace MediaMatrix.Monitoring.Content;

/// <summary>Where a lexicon entry's wrong form was found in normalised text.</summary>
public readonly record struct LexiconMatch(LexiconEntry Entry, int Start, int Length);

/// <summary>
/// One Aho–Corasick automaton over the wrong forms of every entry of every lexicon (normalised as
/// <see cref="ContentText.Normalize"/> does, plus the traditional form of entries marked <c>traditional</c>), so a post
/// is read once whatever the number of entries. Built once per lexicon set; <see cref="Matches"/> is thread-safe.
/// States are flat arrays: the root's transitions a dense table over all UTF-16 units (most characters of a post leave
/// the root at once, so that case is one array read), the other states' transitions sorted runs of labels and targets.
/// </summary>
public sealed class LexiconAutomaton
{
    private const int Root = 0;

    private readonly LexiconEntry[] _entries;
    private readonly Pattern[] _patterns;
    private readonly int[] _rootNext = new int[char.MaxValue + 1];
    private readonly int[] _first;
    private readonly char[] _labels;
    private readonly int[] _targets;
    private readonly int[] _fail;
    private readonly int[] _output;
    private readonly int[] _outputLink;

    public LexiconAutomaton(IEnumerable<LexiconEntry> entries)
    {
        _entries = [.. entries];
        var patterns = new List<Pattern>();
        var trie = new Trie();
        for (var i = 0; i < _entries.Length; i++)
        {
            var entry = _entries[i];
            var wrong = ContentText.Normalize(entry.Wrong);
            var right = entry.Right is null ? null : ContentText.Normalize(entry.Right);
            trie.Add(wrong, i, right, patterns);
            if (entry.Traditional)
                trie.Add(TraditionalVariants.Of(wrong), i, right is null ? null : TraditionalVariants.Of(right), patterns);
        }

        _patterns = [.. patterns];
        (_first, _labels, _targets, _fail, _output, _outputLink) = trie.Flatten(_rootNext);
    }

    public IReadOnlyList<LexiconEntry> Entries => _entries;

    /// <summary>How many strings the automaton looks for (wrong forms and their traditional forms).</summary>
    public int PatternCount => _patterns.Length;

    /// <summary>
    /// Leftmost-longest, non-overlapping matches in <paramref name="text"/> (already normalised), ordered by position.
    /// A match inside the entry's own right form at that place (wrong 人民代表大会常务委员 within 人民代表大会常务委员会) is no
    /// match, and is dropped before the longest one is chosen, so it hides nothing.
    /// </summary>
    public IReadOnlyList<LexiconMatch> Matches(string text)
    {
        List<(int Start, int Length, int Pattern)>? candidates = null;
        var state = Root;
        for (var i = 0; i < text.Length; i++)
        {
            state = Next(state, text[i]);
            if (state == Root)
                continue;

            var found = _output[state] >= 0 ? state : _outputLink[state];
            while (found > Root)
            {
                var pattern = _output[found];
                var length = _patterns[pattern].Length;
                var start = i + 1 - length;
                if (!InsideRightForm(text, start, _patterns[pattern]))
                    (candidates ??= []).Add((start, length, pattern));
                found = _outputLink[found];
            }
        }

        return candidates is null ? [] : LeftmostLongest(candidates);
    }

    private List<LexiconMatch> LeftmostLongest(List<(int Start, int Length, int Pattern)> candidates)
    {
        candidates.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var matches = new List<LexiconMatch>();
        var end = 0;
        foreach (var (start, length, pattern) in candidates)
        {
            if (start < end)
                continue;
            matches.Add(new LexiconMatch(_entries[_patterns[pattern].Entry], start, length));
            end = start + length;
        }

        return matches;
    }

    private int Next(int state, char c)
    {
        while (state != Root)
        {
            var target = Find(state, c);
            if (target >= 0)
                return target;
            state = _fail[state];
        }

        return _rootNext[c];
    }

    private int Find(int state, char c)
    {
        var from = _first[state];
        var to = _first[state + 1];
        // Deep states have one or two children: a linear look is quicker than a binary search there.
        if (to - from <= 8)
        {
            for (var k = from; k < to; k++)
            {
                if (_labels[k] == c)
                    return _targets[k];
            }

            return -1;
        }

        var at = Array.BinarySearch(_labels, from, to - from, c);
        return at >= 0 ? _targets[at] : -1;
    }

    private static bool InsideRightForm(string text, int start, Pattern pattern)
    {
        if (pattern.Right is not { } right)
            return false;

        foreach (var offset in pattern.OffsetsInRight)
        {
            var rightStart = start - offset;
            if (rightStart >= 0 && rightStart + right.Length <= text.Length && text.AsSpan(rightStart, right.Length).SequenceEqual(right))
                return true;
        }

        return false;
    }

    /// <summary>A string searched for: its entry, its length, and where it sits inside the entry's right form, if it does.</summary>
    private sealed record Pattern(int Entry, int Length, string? Right, int[] OffsetsInRight);

    /// <summary>The automaton while it is built: a trie of dictionaries, flattened into arrays once complete.</summary>
    private sealed class Trie
    {
        private readonly List<Dictionary<char, int>> _children = [[]];
        private readonly List<int> _output = [-1];

        public void Add(string wrong, int entry, string? right, List<Pattern> patterns)
        {
            if (wrong.Length == 0)
                return;

            var state = Root;
            foreach (var c in wrong)
            {
                if (!_children[state].TryGetValue(c, out var next))
                {
                    next = _children.Count;
                    _children[state][c] = next;
                    _children.Add([]);
                    _output.Add(-1);
                }

                state = next;
            }

            // The same string twice (two entries, or a traditional form equal to the simplified one): the first one stands.
            if (_output[state] >= 0)
                return;

            _output[state] = patterns.Count;
            patterns.Add(new Pattern(entry, wrong.Length, right, OffsetsOf(wrong, right)));
        }

        public (int[] First, char[] Labels, int[] Targets, int[] Fail, int[] Output, int[] OutputLink) Flatten(int[] rootNext)
        {
            var count = _children.Count;
            var fail = new int[count];
            var outputLink = new int[count];
            Array.Fill(outputLink, -1);
            var output = _output.ToArray();

            // Breadth first, so a state's failure target (shallower) is complete before the state itself.
            var queue = new Queue<int>();
            foreach (var (c, child) in _children[Root])
            {
                rootNext[c] = child;
                queue.Enqueue(child);
            }

            while (queue.Count > 0)
            {
                var state = queue.Dequeue();
                foreach (var (c, child) in _children[state])
                {
                    var f = fail[state];
                    while (f != Root && !_children[f].ContainsKey(c))
                        f = fail[f];
                    fail[child] = _children[f].TryGetValue(c, out var target) && target != child ? target : Root;
                    outputLink[child] = output[fail[child]] >= 0 ? fail[child] : outputLink[fail[child]];
                    queue.Enqueue(child);
                }
            }

            var first = new int[count + 1];
            var labels = new char[count - 1];
            var targets = new int[count - 1];
            var k = 0;
            for (var state = 0; state < count; state++)
            {
                first[state] = k;
                foreach (var (c, child) in _children[state].OrderBy(p => p.Key))
                {
                    labels[k] = c;
                    targets[k++] = child;
                }
            }

            first[count] = k;
            return (first, labels, targets, fail, output, outputLink);
        }

        private static int[] OffsetsOf(string wrong, string? right)
        {
            if (right is null)
                return [];

            var offsets = new List<int>();
            for (var at = right.IndexOf(wrong, StringComparison.Ordinal); at >= 0; at = right.IndexOf(wrong, at + 1, StringComparison.Ordinal))
                offsets.Add(at);
            return [.. offsets];
        }
    }
}
