using System.Runtime.InteropServices;
using System.Text;

namespace UniCode.Kit.Text;

/// <summary>
/// Learns byte-level BPE merges. The corpus is read once into counts of unique pre-tokenized words; each merge
/// then rewrites only the words that contain the merged pair and updates the pair counts by the difference
/// (no recount), with a lazy max-heap to find the next pair. The most frequent pair wins; ties go to the
/// smaller left id, then the smaller right id, so the result depends only on the corpus and the options.
/// </summary>
internal sealed class BpeTrainer
{
    private readonly int[][] symbols;
    private readonly int[] lengths;
    private readonly long[] counts;
    private readonly Dictionary<long, long> pairCounts = [];
    private readonly Dictionary<long, List<int>> pairWords = [];
    private readonly PriorityQueue<long, (long NegativeCount, long Key)> heap = new();
    private readonly HashSet<long> changed = [];
    private readonly List<long> scratch = [];

    private BpeTrainer(string[] words, long[] counts)
    {
        Words = words;
        this.counts = counts;
        symbols = new int[words.Length][];
        lengths = new int[words.Length];
        for (var w = 0; w < words.Length; w++)
        {
            var bytes = Encoding.UTF8.GetBytes(words[w]);
            symbols[w] = Array.ConvertAll(bytes, b => (int)b);
            lengths[w] = bytes.Length;
        }
    }

    /// <summary>The unique pre-tokenized words of the corpus.</summary>
    public string[] Words { get; }

    /// <summary>The merges learned, in rank order.</summary>
    public List<(int Left, int Right)> Merges { get; } = [];

    /// <summary>Counts the corpus's words and learns up to <paramref name="maxMerges"/> merges.</summary>
    /// <param name="corpus">The training texts; pre-tokens never span two texts.</param>
    /// <param name="firstMergeId">The id the first merge gets.</param>
    /// <param name="maxMerges">The most merges to learn.</param>
    /// <param name="minPairFrequency">Stop when the best pair occurs fewer times than this.</param>
    public static BpeTrainer Run(IEnumerable<string> corpus, int firstMergeId, int maxMerges, int minPairFrequency)
    {
        var (words, counts) = CountWords(corpus);
        var trainer = new BpeTrainer(words, counts);
        trainer.Learn(firstMergeId, maxMerges, minPairFrequency);
        return trainer;
    }

    /// <summary>The training-time segmentation of word <paramref name="index"/> after all merges.</summary>
    /// <param name="index">An index into <see cref="Words"/>.</param>
    public int[] Segmentation(int index) => symbols[index][..lengths[index]];

    private static (string[] Words, long[] Counts) CountWords(IEnumerable<string> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var table = new Dictionary<string, long>(StringComparer.Ordinal);
        var lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
        var pieces = new List<(int Start, int Length)>();
        var item = 0;
        foreach (var text in corpus)
        {
            if (text is null)
            {
                throw new ArgumentException($"Corpus item {item} is null.", nameof(corpus));
            }

            pieces.Clear();
            try
            {
                PreTokenizer.Split(text, pieces);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Corpus item {item}: {e.Message}", nameof(corpus), e);
            }

            foreach (var (start, length) in pieces)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(lookup, text.AsSpan(start, length), out _)++;
            }

            item++;
        }

        return ([.. table.Keys], [.. table.Values]);
    }

    private void Learn(int firstMergeId, int maxMerges, int minPairFrequency)
    {
        for (var w = 0; w < symbols.Length; w++)
        {
            var s = symbols[w];
            for (var i = 0; i + 1 < lengths[w]; i++)
            {
                var key = BpeMerges.Key(s[i], s[i + 1]);
                pairCounts[key] = pairCounts.GetValueOrDefault(key) + counts[w];
                AddWord(key, w);
            }
        }

        foreach (var (key, count) in pairCounts)
        {
            heap.Enqueue(key, (-count, key));
        }

        while (Merges.Count < maxMerges && TryTakeBest(minPairFrequency, out var best))
        {
            var left = (int)(best >> 32);
            var right = (int)(uint)best;
            var id = firstMergeId + Merges.Count;
            Merges.Add((left, right));
            var holders = pairWords[best];
            pairWords.Remove(best);
            foreach (var w in holders)
            {
                MergeInWord(w, left, right, id);
            }

            foreach (var key in changed)
            {
                var count = pairCounts[key];
                if (count > 0)
                {
                    heap.Enqueue(key, (-count, key));
                }
                else
                {
                    // A pair that died never returns: later merges only create pairs with the newer ids.
                    pairCounts.Remove(key);
                    pairWords.Remove(key);
                }
            }

            changed.Clear();
        }
    }

    private bool TryTakeBest(int minPairFrequency, out long best)
    {
        while (heap.TryDequeue(out best, out var priority))
        {
            // Every count change pushed a fresh entry, so an entry whose count is no longer current is stale.
            if (pairCounts.TryGetValue(best, out var count) && count == -priority.NegativeCount)
            {
                return count >= minPairFrequency;
            }
        }

        return false;
    }

    private void MergeInWord(int w, int left, int right, int id)
    {
        var s = symbols[w];
        var n = lengths[w];
        var found = false;
        for (var i = 0; i + 1 < n && !found; i++)
        {
            found = s[i] == left && s[i + 1] == right;
        }

        if (!found)
        {
            // A stale holder: an earlier merge already removed the pair from this word.
            return;
        }

        var f = counts[w];
        scratch.Clear();
        for (var i = 0; i + 1 < n; i++)
        {
            var key = BpeMerges.Key(s[i], s[i + 1]);
            CollectionsMarshal.GetValueRefOrNullRef(pairCounts, key) -= f;
            changed.Add(key);
            scratch.Add(key);
        }

        var j = 0;
        for (var i = 0; i < n;)
        {
            if (i + 1 < n && s[i] == left && s[i + 1] == right)
            {
                s[j++] = id;
                i += 2;
            }
            else
            {
                s[j++] = s[i++];
            }
        }

        lengths[w] = j;
        for (var i = 0; i + 1 < j; i++)
        {
            var key = BpeMerges.Key(s[i], s[i + 1]);
            CollectionsMarshal.GetValueRefOrAddDefault(pairCounts, key, out _) += f;
            changed.Add(key);
            if (!scratch.Contains(key))
            {
                AddWord(key, w);
            }
        }
    }

    private void AddWord(long key, int w)
    {
        ref var holders = ref CollectionsMarshal.GetValueRefOrAddDefault(pairWords, key, out _);
        holders ??= [];
        if (holders.Count == 0 || holders[^1] != w)
        {
            holders.Add(w);
        }
    }
}
