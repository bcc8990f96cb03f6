using UniCode.Kit.Vision.Codebooks;
using UniCode.Torch;

namespace UniCode.Kit.Training.Tokenizers;

/// <summary>
/// Where a tokenizer recipe takes C_L from: a language model checkpoint's embedding table, or (until a language model
/// is trained) a table drawn like an LM's initial embeddings.
/// </summary>
public sealed record LanguageCodebookSource : IOptions
{
    /// <summary>A safetensors checkpoint holding the LM's embedding table, or null to draw one.</summary>
    public string? Checkpoint { get; init; }

    /// <summary>The table's tensor name in <see cref="Checkpoint"/>.</summary>
    public string TensorName { get; init; } = "token_embedding.weight";

    /// <summary>The checkpoint's SHA-256 (set by <see cref="Pinned"/>, so the cache key changes with the file).</summary>
    public string? CheckpointHash { get; init; }

    /// <summary>K of a drawn table (the LM's vocabulary size).</summary>
    public int Size { get; init; } = 1024;

    /// <summary>n of a drawn table (the LM's width).</summary>
    public int Dim { get; init; } = 256;

    /// <summary>The seed of a drawn table.</summary>
    public ulong Seed { get; init; }

    /// <summary>The mean row norm of s·C_L (see <see cref="LanguageCodebook"/>).</summary>
    public double CodeNorm { get; init; } = 1.0;

    /// <summary>Whether the table is drawn rather than read.</summary>
    public bool IsDrawn => Checkpoint is null;

    /// <inheritdoc/>
    public void Validate()
    {
        if (Checkpoint is not null && string.IsNullOrWhiteSpace(Checkpoint))
        {
            throw new ArgumentException("Checkpoint must be a path or null", nameof(Checkpoint));
        }

        OptionCheck.AtLeast(Size, 2, nameof(Size));
        OptionCheck.AtLeast(Dim, 1, nameof(Dim));
        OptionCheck.Positive(CodeNorm, nameof(CodeNorm));
    }

    /// <summary>C_L from a pre-trained language model's weights file: its token embedding table, K x d.</summary>
    /// <param name="checkpoint">The LM's <c>lm.safetensors</c>.</param>
    /// <param name="size">K = the LM's vocabulary.</param>
    /// <param name="dim">d = the LM's width.</param>
    /// <param name="codeNorm">The mean row norm of s·C_L.</param>
    public static LanguageCodebookSource OfLanguageModel(string checkpoint, int size, int dim, double codeNorm = 1.0) => new()
    {
        Checkpoint = checkpoint,
        TensorName = Language.LanguageModelRecipe.EmbeddingTensorName,
        Size = size,
        Dim = dim,
        CodeNorm = codeNorm,
    };

    /// <summary>This source with the checkpoint's content hash filled in (a drawn source is returned as it is).</summary>
    public LanguageCodebookSource Pinned()
    {
        if (Checkpoint is null)
        {
            return this;
        }

        if (!File.Exists(Checkpoint))
        {
            throw new FileNotFoundException($"the language model checkpoint '{Checkpoint}' does not exist", Checkpoint);
        }

        using var stream = File.OpenRead(Checkpoint);
        return this with { CheckpointHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream)) };
    }

    /// <summary>Loads (or draws) C_L.</summary>
    public LanguageCodebook Open() => Checkpoint is null
        ? LanguageCodebook.DrawnLikeLm(Size, Dim, Seed, CodeNorm)
        : LanguageCodebook.FromCheckpoint(Checkpoint, TensorName, CodeNorm);

    /// <inheritdoc/>
    public override string ToString() => Checkpoint is null
        ? $"a {Size}x{Dim} table drawn like an LM's initial embeddings (seed {Seed}): no language model is trained yet"
        : $"{Checkpoint}:{TensorName}";
}
