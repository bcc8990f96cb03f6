using UniCode.Kit.Data.Shapes;
using UniCode.Torch;

namespace UniCode.Kit.Data;

/// <summary>What the language model's text pre-training reads (and what its BPE vocabulary is trained on).</summary>
public sealed record PretrainingCorpusOptions : IOptions
{
    /// <summary>WordNet glosses to take (a seeded sample of the ~117k; 0: none, -1: all).</summary>
    public int Glosses { get; init; } = 20_000;

    /// <summary>Shapes scenes whose captions and question-answer pairs are added (the seed of the Shapes train split).</summary>
    public int ShapesScenes { get; init; } = 2_000;

    /// <summary>The seed of the Shapes scenes (the Shapes training split's).</summary>
    public ulong ShapesSeed { get; init; }

    /// <summary>Add the Emoji captions (of the training split only: held-out captions stay unseen).</summary>
    public bool EmojiCaptions { get; init; } = true;

    /// <summary>Add one sentence per Fashion-MNIST class name, so class words are in the vocabulary.</summary>
    public bool FashionClassNames { get; init; } = true;

    /// <summary>The seed of the gloss sample.</summary>
    public ulong Seed { get; init; }

    /// <summary>The Shapes scenes' options.</summary>
    public ShapesOptions ShapesOptions => new() { Seed = ShapesSeed, Count = Math.Max(ShapesScenes, 1) };

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.AtLeast(Glosses, -1, nameof(Glosses));
        OptionCheck.AtLeast(ShapesScenes, 0, nameof(ShapesScenes));
    }
}
