using UniCode.Kit.Data.Batching;

namespace UniCode.Kit.Data;

/// <summary>A list of texts (one document, definition or sentence each) for language-model pre-training.</summary>
public sealed class TextCorpus
{
    private readonly string[] texts;

    /// <summary>Creates a corpus.</summary>
    /// <param name="name">A name for messages (e.g. "wordnet").</param>
    /// <param name="texts">The texts.</param>
    public TextCorpus(string name, IEnumerable<string> texts)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(texts);
        Name = name;
        this.texts = [.. texts];
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The texts.</summary>
    public IReadOnlyList<string> Texts => texts;

    /// <summary>How many texts.</summary>
    public int Count => texts.Length;

    /// <summary>Seeded, shuffled batches of the texts.</summary>
    /// <param name="options">Batch size, shuffling, seed and last-batch policy.</param>
    public TextBatcher Batches(BatchOptions options) => new(texts, options);

    /// <summary>A seeded split: the first part for training, the second (<paramref name="heldOutFraction"/> of the texts, rounded up) held out.</summary>
    /// <param name="heldOutFraction">The held-out share, in [0, 1).</param>
    /// <param name="seed">The seed.</param>
    public (TextCorpus Train, TextCorpus HeldOut) Split(double heldOutFraction, ulong seed)
    {
        if (!(heldOutFraction >= 0 && heldOutFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(heldOutFraction), heldOutFraction, "the held-out fraction must be in [0, 1)");
        }

        var order = new SeededRandom(seed).Permutation(texts.Length);
        var heldOut = (int)Math.Ceiling(texts.Length * heldOutFraction);
        var held = order[..heldOut];
        var train = order[heldOut..];
        Array.Sort(held);
        Array.Sort(train);
        return (new TextCorpus($"{Name}/train", train.Select(i => texts[i])), new TextCorpus($"{Name}/held-out", held.Select(i => texts[i])));
    }
}
