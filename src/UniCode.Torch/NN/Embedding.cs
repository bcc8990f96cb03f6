namespace UniCode.Torch.NN;

/// <summary>A lookup table: id i gives row i of the weight (initialised N(0, 1), as PyTorch).</summary>
public sealed class Embedding : Module<Tensor, Tensor>
{
    private readonly Parameter weight;

    /// <summary>Creates the table.</summary>
    /// <param name="numEmbeddings">How many ids.</param>
    /// <param name="embeddingDim">The size of each row.</param>
    /// <param name="paddingIdx">An id whose row stays zero and gets no gradient, or null.</param>
    /// <param name="generator">A seeded generator for the initial values, or null for the global one.</param>
    public Embedding(long numEmbeddings, long embeddingDim, long? paddingIdx = null, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numEmbeddings, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(embeddingDim, 1);
        if (paddingIdx is { } p && (p < 0 || p >= numEmbeddings))
        {
            throw new ArgumentOutOfRangeException(nameof(paddingIdx), paddingIdx, $"must be in [0, {numEmbeddings})");
        }

        (NumEmbeddings, EmbeddingDim, PaddingIdx) = (numEmbeddings, embeddingDim, paddingIdx);
        using var scope = new DisposeScope();
        var table = Init.Normal(Tensor.Empty([numEmbeddings, embeddingDim]), generator: generator);
        if (paddingIdx is { } padding)
        {
            table[padding].ZeroInPlace();
        }

        weight = new Parameter(table);
        RegisterComponents();
    }

    /// <summary>How many ids.</summary>
    public long NumEmbeddings { get; }

    /// <summary>The size of each row.</summary>
    public long EmbeddingDim { get; }

    /// <summary>The padding id, if any.</summary>
    public long? PaddingIdx { get; }

    /// <summary>The table: [num, dim].</summary>
    public Parameter Weight => weight;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Embedding(input, weight, PaddingIdx ?? -1);

    /// <inheritdoc/>
    protected override string ExtraRepresentation() => $"{NumEmbeddings}, {EmbeddingDim}";
}
