using UniCode.Kit.Text;

namespace UniCode.Kit.Training.Language;

/// <summary>
/// A corpus as one stream of token ids, each text framed as <c>&lt;|bos|&gt; text &lt;|eos|&gt;</c>, split into a training
/// and a held-out part by text (so no text is in both). Language-model batches are windows of it (GPT-2's packing).
/// </summary>
public sealed class TokenStream
{
    private TokenStream(int[] train, int[] validation)
    {
        Train = train;
        Validation = validation;
    }

    /// <summary>The training ids.</summary>
    public IReadOnlyList<int> Train { get; }

    /// <summary>The held-out ids.</summary>
    public IReadOnlyList<int> Validation { get; }

    /// <summary>Encodes and packs <paramref name="texts"/>: a seeded shuffle of the texts, then the last
    /// <paramref name="validationFraction"/> of them (at least one when the fraction is not 0) are held out.</summary>
    /// <param name="texts">The corpus.</param>
    /// <param name="tokenizer">The BPE tokenizer.</param>
    /// <param name="validationFraction">The held-out share of the texts, in [0, 0.5].</param>
    /// <param name="seed">Seeds the shuffle.</param>
    public static TokenStream Pack(IReadOnlyList<string> texts, BpeTokenizer tokenizer, double validationFraction, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(tokenizer);
        if (texts.Count < 2)
        {
            throw new ArgumentException($"a language model corpus needs at least 2 texts, got {texts.Count}", nameof(texts));
        }

        Torch.OptionCheck.InRange(validationFraction, 0, 0.5, nameof(validationFraction));
        var order = Enumerable.Range(0, texts.Count).ToArray();
        new Random(unchecked((int)seed ^ 0x5EED)).Shuffle(order);
        var held = validationFraction == 0 ? 0 : Math.Max(1, (int)Math.Round(texts.Count * validationFraction));
        return new TokenStream(Encode(order[..^held], texts, tokenizer), Encode(order[^held..], texts, tokenizer));
    }

    private static int[] Encode(int[] indices, IReadOnlyList<string> texts, BpeTokenizer tokenizer)
    {
        var ids = new List<int>();
        foreach (var i in indices)
        {
            ids.Add(tokenizer.BosId);
            tokenizer.Encode(texts[i], ids);
            ids.Add(tokenizer.EosId);
        }

        return [.. ids];
    }
}
