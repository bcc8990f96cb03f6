using UniCode.Torch;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Vision.Codebooks;

/// <summary>
/// C_L, the language model's embedding table [K, n], and the scale s at which the tokenizer uses it.
/// </summary>
/// <remarks>
/// An LM's embeddings and an encoder's features live at different norms (a calibration here saw 0.23 against 0.8;
/// with the table frozen as it was, the encoder's norms blew up to 39 and PSNR fell by 5 dB). The kit handles it
/// with one global scale: the tokenizer's codebook is unified with s·C_L, s = codeNorm / mean_k ||C_L,k||, fixed when
/// the table is given. A single positive scale changes no nearest-code order among the table's rows, no cosine and
/// no direction, so "C = C_L up to the scale s" is exact, and s is reported.
/// </remarks>
public sealed class LanguageCodebook : IDisposable
{
    private LanguageCodebook(Tensor table, double scale, string source)
    {
        Table = table;
        Scale = scale;
        Source = source;
    }

    /// <summary>C_L [K, n] (float32). The LM side of <see cref="CodebookParadigm.Dual"/> writes into it.</summary>
    public Tensor Table { get; }

    /// <summary>s: the tokenizer uses s·C_L.</summary>
    public double Scale { get; }

    /// <summary>Where the table came from (a checkpoint path, or how it was drawn).</summary>
    public string Source { get; }

    /// <summary>K.</summary>
    public int Size => (int)Table.Shape[0];

    /// <summary>n.</summary>
    public int Dim => (int)Table.Shape[1];

    /// <summary>s·C_L, a new [K, n] tensor: the table in the tokenizer's space.</summary>
    public Tensor Scaled() => Table * Scale;

    /// <summary>The LM side of Dual: C_L ← C / s.</summary>
    /// <param name="codebook">The tokenizer's codebook [K, n].</param>
    public void CopyFromTokenizer(Tensor codebook)
    {
        ArgumentNullException.ThrowIfNull(codebook);
        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        Table.CopyFrom(codebook / Scale);
    }

    /// <summary>
    /// A stand-in for C_L until a language model is trained: a table drawn as an LM's embeddings are initialised,
    /// N(0, <paramref name="std"/>²) (GPT-2's 0.02), seeded.
    /// </summary>
    /// <param name="size">K.</param>
    /// <param name="dim">n.</param>
    /// <param name="seed">The seed of the draw.</param>
    /// <param name="codeNorm">The mean row norm of s·C_L.</param>
    /// <param name="std">The standard deviation of each element.</param>
    public static LanguageCodebook DrawnLikeLm(int size, int dim, ulong seed, double codeNorm = 1.0, double std = 0.02)
    {
        OptionCheck.AtLeast(size, 2, nameof(size));
        OptionCheck.AtLeast(dim, 1, nameof(dim));
        OptionCheck.Positive(std, nameof(std));
        using var generator = new Generator(seed);
        using var scope = new DisposeScope();
        var table = (Tensor.Randn([size, dim], generator) * std).MoveToOuterScope();
        return FromTable(table, $"drawn like an LM's initial embeddings: N(0, {std}^2), {size}x{dim}, seed {seed}", codeNorm);
    }

    /// <summary>Wraps an embedding table (the codebook takes ownership of <paramref name="table"/>).</summary>
    /// <param name="table">[K, n] floating point.</param>
    /// <param name="source">Where it came from.</param>
    /// <param name="codeNorm">The mean row norm of s·C_L.</param>
    public static LanguageCodebook FromTable(Tensor table, string source, double codeNorm = 1.0)
    {
        ArgumentNullException.ThrowIfNull(table);
        OptionCheck.Positive(codeNorm, nameof(codeNorm));
        var shape = table.Shape;
        if (shape.Length != 2 || shape[0] < 2 || shape[1] < 1 || !table.DType.IsFloatingPoint())
        {
            throw new ArgumentException($"{source}: an embedding table is a floating-point [K, n] matrix, not {table.DType} [{string.Join(", ", shape)}]", nameof(table));
        }

        var owned = table.DType == DType.Float32 ? table : table.Float();
        owned.DetachFromScope();
        double meanNorm;
        using (var scope = new DisposeScope())
        {
            meanNorm = owned.Norm(2, [1]).Mean().Item<float>();
        }

        if (!(meanNorm > 0) || !double.IsFinite(meanNorm))
        {
            throw new ArgumentException($"{source}: the embedding table's mean row norm is {meanNorm}; it must be positive and finite", nameof(table));
        }

        return new LanguageCodebook(owned, codeNorm / meanNorm, source);
    }

    /// <summary>
    /// C_L as a live view of a language model's embedding table (Stage I): the same storage, so Dual's
    /// <see cref="CopyFromTokenizer"/> writes the LM's table, and Iterative's Eq. 3 reads it as the LM trains.
    /// The scale s is fixed from the table's norms now.
    /// </summary>
    /// <param name="embedding">The LM's token embedding [V, d] (float32); the codebook takes its first
    /// <paramref name="size"/> rows.</param>
    /// <param name="size">K.</param>
    /// <param name="source">What the table is.</param>
    /// <param name="codeNorm">The mean row norm of s·C_L.</param>
    public static LanguageCodebook Sharing(Tensor embedding, int size, string source, double codeNorm = 1.0)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        if (embedding.DType != DType.Float32 || embedding.Dim != 2 || size < 2 || size > embedding.Size(0))
        {
            throw new ArgumentException($"{source}: a shared table is a float32 [V, d] matrix with at least K = {size} rows, not {embedding.DType} [{string.Join(", ", embedding.Shape)}]", nameof(embedding));
        }

        using var scope = new DisposeScope();
        return FromTable(embedding.Detach().Narrow(0, 0, size).MoveToOuterScope(), source, codeNorm); // a view: no copy
    }

    /// <summary>Reads C_L from a safetensors checkpoint (e.g. a language model's, tensor <c>token_embedding.weight</c>).</summary>
    /// <param name="path">The checkpoint.</param>
    /// <param name="tensorName">The embedding table's name in it.</param>
    /// <param name="codeNorm">The mean row norm of s·C_L.</param>
    public static LanguageCodebook FromCheckpoint(string path, string tensorName, double codeNorm = 1.0)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(tensorName);
        var tensors = SafeTensors.Load(path);
        if (!tensors.Remove(tensorName, out var table))
        {
            foreach (var t in tensors.Values)
            {
                t.Dispose();
            }

            throw new KeyNotFoundException($"'{path}' has no tensor '{tensorName}'");
        }

        foreach (var t in tensors.Values)
        {
            t.Dispose();
        }

        return FromTable(table, $"{path}:{tensorName}", codeNorm);
    }

    /// <summary>Frees the table.</summary>
    public void Dispose() => Table.Dispose();
}
