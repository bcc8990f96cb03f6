namespace UniCode.Kit.Text;

/// <summary>
/// The learned merges of a byte-level BPE vocabulary and how they segment one pre-tokenized word. Ids:
/// 0-255 are the bytes, then <c>firstMergeId - 256</c> special tokens, then one id per merge in the order the
/// merges were learned; a merge's id is also its rank (lower ids merge first).
/// </summary>
internal sealed class BpeMerges
{
    private readonly Dictionary<long, int> mergedId;
    private readonly byte[]?[] tokenBytes;

    /// <summary>Builds the table; throws <see cref="ArgumentException"/> if a merge uses an id it cannot see.</summary>
    /// <param name="firstMergeId">The id of the first merge (256 + the number of special tokens).</param>
    /// <param name="merges">The merged pairs, in rank order.</param>
    public BpeMerges(int firstMergeId, IReadOnlyList<(int Left, int Right)> merges)
    {
        FirstMergeId = firstMergeId;
        Pairs = [.. merges];
        mergedId = new Dictionary<long, int>(merges.Count);
        tokenBytes = new byte[]?[firstMergeId + merges.Count];
        for (var b = 0; b < 256; b++)
        {
            tokenBytes[b] = [(byte)b];
        }

        if (FindProblem(firstMergeId, merges) is { } problem)
        {
            throw new ArgumentException(problem, nameof(merges));
        }

        for (var i = 0; i < merges.Count; i++)
        {
            var (left, right) = merges[i];
            var id = firstMergeId + i;
            mergedId.Add(Key(left, right), id);
            tokenBytes[id] = [.. tokenBytes[left]!, .. tokenBytes[right]!];
        }
    }

    /// <summary>The id of the first merge.</summary>
    public int FirstMergeId { get; }

    /// <summary>The merged pairs in rank order.</summary>
    public IReadOnlyList<(int Left, int Right)> Pairs { get; }

    /// <summary>The number of ids (bytes, special tokens and merges).</summary>
    public int Count => tokenBytes.Length;

    /// <summary>The bytes of a byte or merge id; null for a special token's id.</summary>
    /// <param name="id">A token id below <see cref="Count"/>.</param>
    public byte[]? BytesOf(int id) => tokenBytes[id];

    /// <summary>The key of an ordered pair of ids, also the trainer's tie-break order (left id, then right id).</summary>
    /// <param name="left">The left id.</param>
    /// <param name="right">The right id.</param>
    public static long Key(int left, int right) => ((long)left << 32) | (uint)right;

    /// <summary>
    /// Segments one word (its UTF-8 bytes) and appends the token ids. Applies the lowest-ranked merge present,
    /// leftmost occurrence first, until none applies: the same result as applying every merge in rank order
    /// to the whole word, which is what training did. A heap keeps long words (a megabyte without spaces)
    /// at O(n log n).
    /// </summary>
    /// <param name="word">The word's bytes.</param>
    /// <param name="output">Receives the ids.</param>
    public void EncodeWord(ReadOnlySpan<byte> word, List<int> output)
    {
        if (word.Length <= 1)
        {
            if (word.Length == 1)
            {
                output.Add(word[0]);
            }

            return;
        }

        var n = word.Length;
        var symbols = new int[n];
        var next = new int[n];
        var previous = new int[n];
        for (var i = 0; i < n; i++)
        {
            symbols[i] = word[i];
            next[i] = i + 1 < n ? i + 1 : -1;
            previous[i] = i - 1;
        }

        // Entries are (position of the left symbol) by (rank, position); stale ones are skipped when popped.
        var queue = new PriorityQueue<int, (int Rank, int Position)>();
        for (var i = 0; i + 1 < n; i++)
        {
            Offer(queue, symbols, i, i + 1);
        }

        while (queue.TryDequeue(out var left, out var priority))
        {
            var right = next[left];
            if (symbols[left] < 0 || right < 0
                || !mergedId.TryGetValue(Key(symbols[left], symbols[right]), out var id) || id != priority.Rank)
            {
                continue;
            }

            symbols[left] = id;
            symbols[right] = -1;
            var after = next[right];
            next[left] = after;
            if (after >= 0)
            {
                previous[after] = left;
                Offer(queue, symbols, left, after);
            }

            if (previous[left] >= 0)
            {
                Offer(queue, symbols, previous[left], left);
            }
        }

        for (var i = 0; i >= 0; i = next[i])
        {
            output.Add(symbols[i]);
        }
    }

    private void Offer(PriorityQueue<int, (int Rank, int Position)> queue, int[] symbols, int left, int right)
    {
        if (mergedId.TryGetValue(Key(symbols[left], symbols[right]), out var id))
        {
            queue.Enqueue(left, (id, left));
        }
    }

    /// <summary>What is wrong with a merge list, or null: each merge must join bytes or earlier merges, once.</summary>
    /// <param name="firstMergeId">The id of the first merge.</param>
    /// <param name="merges">The merged pairs, in rank order.</param>
    public static string? FindProblem(int firstMergeId, IReadOnlyList<(int Left, int Right)> merges)
    {
        var seen = new HashSet<long>();
        for (var i = 0; i < merges.Count; i++)
        {
            var (left, right) = merges[i];
            var id = firstMergeId + i;
            bool Known(int part) => part is >= 0 and < 256 || (part >= firstMergeId && part < id);
            if (!Known(left) || !Known(right))
            {
                return $"merge {i} ({left}, {right}) uses an id that is neither a byte nor an earlier merge";
            }

            if (!seen.Add(Key(left, right)))
            {
                return $"merge {i} ({left}, {right}) repeats an earlier merge";
            }
        }

        return null;
    }
}
