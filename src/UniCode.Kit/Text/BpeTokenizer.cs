using System.Buffers;
using System.Text;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Text;

/// <summary>
/// A byte-level BPE tokenizer trained by the kit. Ids 0-255 are the UTF-8 bytes, so any text can be encoded
/// and decoded back unchanged; then come the special tokens (<see cref="Text.SpecialTokens.Reserved"/> first,
/// from id 256), then the learned merges. Text is pre-tokenized like GPT-2 (words, digit runs, punctuation
/// runs, whitespace) so merges never cross word boundaries. Thread-safe.
/// </summary>
/// <remarks>
/// Unpaired UTF-16 surrogates have no UTF-8 form, so they cannot round-trip: <see cref="Encode(string, bool)"/> throws an
/// <see cref="ArgumentException"/> that gives the surrogate's index instead of silently replacing it.
/// <see cref="Decode"/> accepts any ids (a model may emit bytes that do not form UTF-8) and turns each invalid
/// byte sequence into U+FFFD.
/// </remarks>
public sealed class BpeTokenizer
{
    /// <summary>The number of byte tokens, ids 0-255.</summary>
    public const int ByteTokenCount = 256;

    // Words repeat (Zipf), so a bounded cache of their segmentations serves almost every lookup.
    private const int CacheCapacity = 1 << 18;
    private const int LongestCachedPiece = 256;

    private readonly BpeMerges merges;
    private readonly string[] specialTokens;
    private readonly byte[][] specialBytes;
    private readonly Dictionary<string, int> specialIds;
    private readonly SearchValues<char> specialStarts;
    private readonly Dictionary<string, int[]> cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> cacheLookup;

    /// <summary>Builds a tokenizer from its special tokens and merges (as trained or loaded).</summary>
    /// <param name="specialTokens">The special tokens in id order, starting with <see cref="Text.SpecialTokens.Reserved"/>.</param>
    /// <param name="merges">The merged id pairs in rank order.</param>
    internal BpeTokenizer(IReadOnlyList<string> specialTokens, IReadOnlyList<(int Left, int Right)> merges)
    {
        ValidateSpecialTokens(specialTokens, nameof(specialTokens));
        this.specialTokens = [.. specialTokens];
        specialBytes = [.. specialTokens.Select(Encoding.UTF8.GetBytes)];
        specialIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < specialTokens.Count; i++)
        {
            specialIds.Add(specialTokens[i], ByteTokenCount + i);
        }

        specialStarts = SearchValues.Create([.. specialTokens.Select(s => s[0]).Distinct()]);
        this.merges = new BpeMerges(ByteTokenCount + specialTokens.Count, merges);
        cacheLookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The number of token ids: 256 bytes + special tokens + merges.</summary>
    public int VocabularySize => merges.Count;

    /// <summary>The number of learned merges.</summary>
    public int MergeCount => merges.Pairs.Count;

    /// <summary>The special tokens in id order; the first has id 256.</summary>
    public IReadOnlyList<string> SpecialTokens => specialTokens;

    /// <summary>The merged id pairs in rank order; merge i created id 256 + SpecialTokens.Count + i.</summary>
    public IReadOnlyList<(int Left, int Right)> Merges => merges.Pairs;

    /// <summary>The id of <see cref="Text.SpecialTokens.Bos"/>.</summary>
    public int BosId => ByteTokenCount;

    /// <summary>The id of <see cref="Text.SpecialTokens.Eos"/>.</summary>
    public int EosId => ByteTokenCount + 1;

    /// <summary>The id of <see cref="Text.SpecialTokens.Pad"/>.</summary>
    public int PadId => ByteTokenCount + 2;

    /// <summary>The id of <see cref="Text.SpecialTokens.ImageBegin"/>.</summary>
    public int ImageBeginId => ByteTokenCount + 3;

    /// <summary>The id of <see cref="Text.SpecialTokens.ImageEnd"/>.</summary>
    public int ImageEndId => ByteTokenCount + 4;

    /// <summary>The id of <see cref="Text.SpecialTokens.Image"/>, the image-slot placeholder.</summary>
    public int ImageId => ByteTokenCount + 5;

    /// <summary>The id of <see cref="Text.SpecialTokens.User"/>.</summary>
    public int UserId => ByteTokenCount + 6;

    /// <summary>The id of <see cref="Text.SpecialTokens.Assistant"/>.</summary>
    public int AssistantId => ByteTokenCount + 7;

    /// <summary>Learns a vocabulary from <paramref name="corpus"/>.</summary>
    /// <param name="corpus">The training texts. Special-token strings in them are treated as plain text.</param>
    /// <param name="options">Vocabulary size and the rest; the defaults when null.</param>
    /// <returns>The trained tokenizer; the same corpus and options always give the same tokenizer.</returns>
    public static BpeTokenizer Train(IEnumerable<string> corpus, BpeTrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= new BpeTrainerOptions();
        options.Validate();
        var specials = options.SpecialTokens;
        var firstMergeId = ByteTokenCount + specials.Count;
        var trainer = BpeTrainer.Run(corpus, firstMergeId, options.VocabularySize - firstMergeId, options.MinPairFrequency);
        return new BpeTokenizer(specials, trainer.Merges);
    }

    /// <summary>Reads a tokenizer saved by <see cref="Save"/>.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The tokenizer.</returns>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is truncated, corrupt or not a tokenizer; the message names it.</exception>
    public static BpeTokenizer Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No tokenizer file at '{path}'.", path);
        }

        return BpeTokenizerFile.Read(File.ReadAllBytes(path), $"the tokenizer file '{path}'");
    }

    /// <summary>Reads a tokenizer from the JSON text <see cref="ToJson"/> wrote.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The tokenizer.</returns>
    /// <exception cref="InvalidDataException">The text is not a valid tokenizer.</exception>
    public static BpeTokenizer FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return BpeTokenizerFile.Read(Encoding.UTF8.GetBytes(json), "the tokenizer JSON");
    }

    /// <summary>Writes the tokenizer to <paramref name="path"/> as JSON, atomically (readers never see half a file).</summary>
    /// <param name="path">The destination; its folder is created if needed.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = Encoding.UTF8.GetBytes(ToJson());
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>The tokenizer as JSON: format name and version, special tokens, merges and the vocabulary for reading.</summary>
    /// <returns>The JSON text; equal tokenizers give equal text.</returns>
    public string ToJson() => BpeTokenizerFile.Write(this);

    /// <summary>The id of a special token.</summary>
    /// <param name="token">One of <see cref="SpecialTokens"/>.</param>
    /// <returns>Its id.</returns>
    /// <exception cref="ArgumentException">The tokenizer has no such special token.</exception>
    public int GetSpecialTokenId(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return specialIds.TryGetValue(token, out var id)
            ? id
            : throw new ArgumentException($"'{token}' is not a special token of this tokenizer.", nameof(token));
    }

    /// <summary>Whether <paramref name="id"/> is a special token's id.</summary>
    /// <param name="id">A token id.</param>
    public bool IsSpecialToken(int id) => id >= ByteTokenCount && id < ByteTokenCount + specialTokens.Length;

    /// <summary>The bytes a token stands for (a special token: the UTF-8 of its name).</summary>
    /// <param name="id">A token id.</param>
    /// <returns>A copy of the bytes.</returns>
    public byte[] GetTokenBytes(int id)
    {
        CheckId(id, nameof(id));
        return [.. merges.BytesOf(id) ?? specialBytes[id - ByteTokenCount]];
    }

    /// <summary>A readable form of one token, as the saved vocabulary shows it (a space shows as "Ġ").</summary>
    /// <param name="id">A token id.</param>
    /// <returns>The special token's name, or one printable character per byte.</returns>
    public string GetTokenDisplay(int id)
    {
        CheckId(id, nameof(id));
        var bytes = merges.BytesOf(id);
        return bytes is null ? specialTokens[id - ByteTokenCount] : ByteDisplay.Show(bytes);
    }

    /// <summary>Encodes text to token ids.</summary>
    /// <param name="text">Any string without unpaired surrogates.</param>
    /// <param name="allowSpecialTokens">
    /// When true, occurrences of special-token names (e.g. "&lt;|eos|&gt;") become those tokens; when false (the default)
    /// they are encoded as plain text, so text from users cannot inject control tokens.
    /// </param>
    /// <returns>The ids; <see cref="Decode"/> gives <paramref name="text"/> back.</returns>
    /// <exception cref="ArgumentException">The text has an unpaired surrogate; the message gives its index.</exception>
    public int[] Encode(string text, bool allowSpecialTokens = false)
    {
        var output = new List<int>();
        Encode(text, output, allowSpecialTokens);
        return [.. output];
    }

    /// <summary>Encodes text and appends the ids to <paramref name="output"/>.</summary>
    /// <param name="text">Any string without unpaired surrogates.</param>
    /// <param name="output">Receives the ids; left as it was if the text is rejected.</param>
    /// <param name="allowSpecialTokens">Whether special-token names in the text become special tokens.</param>
    /// <exception cref="ArgumentException">The text has an unpaired surrogate; the message gives its index.</exception>
    public void Encode(string text, List<int> output, bool allowSpecialTokens = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        var initialCount = output.Count;
        try
        {
            EncodeInto(text, output, allowSpecialTokens);
        }
        catch (ArgumentException)
        {
            output.RemoveRange(initialCount, output.Count - initialCount);
            throw;
        }
    }

    /// <summary>Decodes token ids to text.</summary>
    /// <param name="ids">Token ids, each below <see cref="VocabularySize"/>.</param>
    /// <param name="skipSpecialTokens">When true, special tokens produce nothing; otherwise their names.</param>
    /// <returns>The text; byte sequences that are not valid UTF-8 become U+FFFD.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside the vocabulary; the message gives its position.</exception>
    public string Decode(ReadOnlySpan<int> ids, bool skipSpecialTokens = false)
    {
        var bytes = new ArrayBufferWriter<byte>(Math.Max(16, ids.Length * 4));
        for (var k = 0; k < ids.Length; k++)
        {
            var id = ids[k];
            if ((uint)id >= (uint)VocabularySize)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(ids), id, $"Token {k} has id {id}, outside this tokenizer's {VocabularySize} ids.");
            }

            var tokenBytes = merges.BytesOf(id);
            if (tokenBytes is null && skipSpecialTokens)
            {
                continue;
            }

            bytes.Write(tokenBytes ?? specialBytes[id - ByteTokenCount]);
        }

        return Encoding.UTF8.GetString(bytes.WrittenSpan);
    }

    /// <summary>Segments one pre-tokenized word without the cache (for tests that compare with training).</summary>
    /// <param name="word">One pre-tokenized word.</param>
    internal int[] EncodeWordUncached(string word)
    {
        var output = new List<int>();
        merges.EncodeWord(Encoding.UTF8.GetBytes(word), output);
        return [.. output];
    }

    internal static void ValidateSpecialTokens(IReadOnlyList<string> tokens, string parameter)
    {
        if (FindSpecialTokenProblem(tokens) is { } problem)
        {
            throw new ArgumentException($"{char.ToUpperInvariant(problem[0])}{problem[1..]}.", parameter);
        }
    }

    /// <summary>What is wrong with a special-token list, or null.</summary>
    /// <param name="tokens">The special tokens in id order.</param>
    internal static string? FindSpecialTokenProblem(IReadOnlyList<string> tokens)
    {
        var reserved = Text.SpecialTokens.Reserved;
        if (tokens.Count < reserved.Count || !tokens.Take(reserved.Count).SequenceEqual(reserved, StringComparer.Ordinal))
        {
            return $"the special tokens must start with the reserved ones ({string.Join(", ", reserved)})";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (string.IsNullOrEmpty(token))
            {
                return "a special token is null or empty";
            }

            try
            {
                PreTokenizer.ValidateUtf16(token);
            }
            catch (ArgumentException)
            {
                return $"the special token '{token}' has an unpaired surrogate";
            }

            if (!seen.Add(token))
            {
                return $"the special token '{token}' appears twice";
            }
        }

        return null;
    }

    private int LongestSpecialAt(string text, int at)
    {
        var best = -1;
        for (var i = 0; i < specialTokens.Length; i++)
        {
            if (text.AsSpan(at).StartsWith(specialTokens[i], StringComparison.Ordinal)
                && (best < 0 || specialTokens[i].Length > specialTokens[best].Length))
            {
                best = i;
            }
        }

        return best;
    }

    private void EncodeInto(string text, List<int> output, bool allowSpecialTokens)
    {
        var pieces = new List<(int Start, int Length)>();
        if (!allowSpecialTokens)
        {
            EncodeOrdinary(text, 0, text.Length, pieces, output);
            return;
        }

        var done = 0;
        var search = 0;
        while (search < text.Length)
        {
            var next = text.AsSpan(search).IndexOfAny(specialStarts);
            if (next < 0)
            {
                break;
            }

            var at = search + next;
            var match = LongestSpecialAt(text, at);
            if (match < 0)
            {
                search = at + 1;
                continue;
            }

            EncodeOrdinary(text, done, at - done, pieces, output);
            output.Add(ByteTokenCount + match);
            done = search = at + specialTokens[match].Length;
        }

        EncodeOrdinary(text, done, text.Length - done, pieces, output);
    }

    private void EncodeOrdinary(string text, int start, int length, List<(int Start, int Length)> pieces, List<int> output)
    {
        if (length == 0)
        {
            return;
        }

        var span = text.AsSpan(start, length);
        pieces.Clear();
        PreTokenizer.Split(span, pieces, start);
        foreach (var (pieceStart, pieceLength) in pieces)
        {
            EncodePiece(span.Slice(pieceStart, pieceLength), output);
        }
    }

    private void EncodePiece(ReadOnlySpan<char> piece, List<int> output)
    {
        var cacheable = piece.Length <= LongestCachedPiece;
        if (cacheable)
        {
            lock (cache)
            {
                if (cacheLookup.TryGetValue(piece, out var cached))
                {
                    output.AddRange(cached);
                    return;
                }
            }
        }

        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(piece.Length));
        try
        {
            var byteCount = Encoding.UTF8.GetBytes(piece, rented);
            var first = output.Count;
            merges.EncodeWord(rented.AsSpan(0, byteCount), output);
            if (cacheable)
            {
                var ids = output.GetRange(first, output.Count - first).ToArray();
                lock (cache)
                {
                    if (cache.Count >= CacheCapacity)
                    {
                        cache.Clear();
                    }

                    cacheLookup.TryAdd(piece, ids);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void CheckId(int id, string parameter)
    {
        if ((uint)id >= (uint)VocabularySize)
        {
            throw new ArgumentOutOfRangeException(parameter, id, $"Id {id} is outside this tokenizer's {VocabularySize} ids.");
        }
    }
}
