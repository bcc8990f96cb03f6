using UniCode.Torch;

namespace UniCode.Kit.Language;

/// <summary>
/// The keys and values of the tokens a <see cref="Transformer"/> has already read, so each decoding step computes
/// only the new token. Each layer's keys and values live in one preallocated (B, heads, capacity, head_dim) tensor
/// written in place at the next positions: attention then multiplies by a narrowed view of it, which libtorch's
/// batched matmul takes as is (a cache in another layout would make it loop over the batch).
/// </summary>
/// <remarks>
/// The cache is for inference: it stores detached copies, so no gradient flows through cached keys. Every row of
/// the batch is at the same position (<see cref="Length"/>). The cache owns its tensors: dispose it when done.
/// </remarks>
public sealed class KvCache : IDisposable
{
    private readonly Tensor[] keys;
    private readonly Tensor[] values;

    /// <summary>Allocates an empty cache.</summary>
    /// <param name="options">The model's shape (layers, heads, head width).</param>
    /// <param name="batch">B, the rows decoded together.</param>
    /// <param name="capacity">The most tokens it holds (at most the model's context).</param>
    public KvCache(TransformerOptions options, int batch, int capacity)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        if (capacity < 1 || capacity > options.Context)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"capacity must be in [1, {options.Context}] (the model's Context)");
        }

        (Batch, Capacity) = (batch, capacity);
        keys = new Tensor[options.Layers];
        values = new Tensor[options.Layers];
        for (var i = 0; i < options.Layers; i++)
        {
            keys[i] = Tensor.Zeros([batch, options.Heads, capacity, options.HeadDim]).DetachFromScope(); // (B, heads, capacity, head_dim)
            values[i] = Tensor.Zeros([batch, options.Heads, capacity, options.HeadDim]).DetachFromScope();
        }
    }

    /// <summary>B.</summary>
    public int Batch { get; }

    /// <summary>The most tokens the cache holds.</summary>
    public int Capacity { get; }

    /// <summary>How many tokens it holds: the position of the next token.</summary>
    public int Length { get; private set; }

    /// <summary>A layer's whole key and value storage, (B, heads, capacity, head_dim) each; positions from
    /// <see cref="Length"/> on hold nothing yet. The cache's own tensors: read them, do not dispose them.</summary>
    /// <param name="layer">The block's index.</param>
    public (Tensor Keys, Tensor Values) Layer(int layer) => (keys[layer], values[layer]);

    /// <summary>Writes a layer's keys and values for the new tokens at positions [Length, Length + T) and returns
    /// the keys and values of every position so far.</summary>
    /// <param name="layer">The block's index.</param>
    /// <param name="key">(B, heads, T, head_dim).</param>
    /// <param name="value">(B, heads, T, head_dim).</param>
    /// <returns>Views (B, heads, Length + T, head_dim) of the cache.</returns>
    internal (Tensor Keys, Tensor Values) Append(int layer, Tensor key, Tensor value)
    {
        var t = key.Size(2);
        CheckRoom(t, nameof(key));
        using (Autograd.NoGrad())
        {
            keys[layer].Narrow(2, Length, t).CopyFrom(key);
            values[layer].Narrow(2, Length, t).CopyFrom(value);
        }

        return (keys[layer].Narrow(2, 0, Length + t), values[layer].Narrow(2, 0, Length + t));
    }

    /// <summary>Throws unless <paramref name="tokens"/> more tokens fit.</summary>
    /// <param name="tokens">T.</param>
    /// <param name="input">The input's name, for the message.</param>
    internal void CheckRoom(long tokens, string input)
    {
        if (Length + tokens > Capacity)
        {
            throw new ArgumentException($"the cache holds {Length} of {Capacity} tokens; {tokens} more do not fit", input);
        }
    }

    /// <summary>Moves past the tokens every layer has just appended.</summary>
    /// <param name="tokens">T.</param>
    internal void Advance(long tokens) => Length += (int)tokens;

    /// <summary>Empties the cache (keeps its memory).</summary>
    public void Reset() => Length = 0;

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var tensor in keys.Concat(values))
        {
            tensor.Dispose();
        }
    }
}
