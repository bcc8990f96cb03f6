using UniCode.Torch;
using UniCode.Torch.NN;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Language;

/// <summary>
/// Multi-head causal self-attention, softmax(q kᵀ / sqrt(head_dim) + causal mask) v, over matmul and softmax in one
/// native call (<see cref="Functional.MaskedAttention"/>; libtorch 1.13 has no fused attention). Queries and keys are rotated by <see cref="RotaryEmbedding"/> in the LLaMA
/// style; with a <see cref="KvCache"/>, only the new tokens are projected and they attend to every cached position.
/// </summary>
public sealed class CausalSelfAttention : Module
{
    private readonly LoraLinear query;
    private readonly LoraLinear key;
    private readonly LoraLinear value;
    private readonly LoraLinear output;

    // future[i, j] is true when key j comes after query i: the entries the causal mask hides.
    [NonPersistent]
    private readonly Tensor future;

    [NotAComponent] // owned by the model, shared by every layer
    private readonly RotaryEmbedding? rotary;

    /// <summary>Creates the layer.</summary>
    /// <param name="options">The model's shape.</param>
    /// <param name="layer">This block's index (its slot in a <see cref="KvCache"/>).</param>
    /// <param name="rotary">The rotary embedding (LLaMA style) or null (GPT-2 style: positions are added to the input).</param>
    /// <param name="generator">Seeds the projections.</param>
    public CausalSelfAttention(TransformerOptions options, int layer, RotaryEmbedding? rotary, Generator? generator)
    {
        ArgumentNullException.ThrowIfNull(options);
        (Options, Layer, this.rotary) = (options, layer, rotary);
        var lora = options.Lora is { Attention: true } l ? l : null;
        query = new LoraLinear(options.Dim, options.Dim, options.Bias, options.InitStd, lora, generator);
        key = new LoraLinear(options.Dim, options.Dim, options.Bias, options.InitStd, lora, generator);
        value = new LoraLinear(options.Dim, options.Dim, options.Bias, options.InitStd, lora, generator);
        output = new LoraLinear(options.Dim, options.Dim, options.Bias, options.ResidualInitStd, lora, generator);
        using var scope = new DisposeScope();
        future = Tensor.Ones([options.Context, options.Context], DType.Bool).Triu(1);
        RegisterComponents();
    }

    /// <summary>The model's shape.</summary>
    public TransformerOptions Options { get; }

    /// <summary>This block's index.</summary>
    public int Layer { get; }

    /// <summary>Attends each new token to itself and every token before it.</summary>
    /// <param name="x">(B, T, d), the normalised residual stream of the new tokens.</param>
    /// <param name="cache">The earlier tokens' keys and values (the new ones are appended), or null when
    /// <paramref name="x"/> is the whole sequence.</param>
    /// <returns>(B, T, d).</returns>
    public Tensor Forward(Tensor x, KvCache? cache)
    {
        ArgumentNullException.ThrowIfNull(x);
        long b = x.Size(0), t = x.Size(1), heads = Options.Heads, headDim = Options.HeadDim;
        long start = cache?.Length ?? 0;
        var q = query.Forward(x).View(b, t, heads, headDim).Transpose(1, 2); // (B, heads, T, head_dim)
        var k = key.Forward(x).View(b, t, heads, headDim).Transpose(1, 2); // (B, heads, T, head_dim)
        var v = value.Forward(x).View(b, t, heads, headDim).Transpose(1, 2); // (B, heads, T, head_dim)
        if (rotary is not null)
        {
            q = rotary.Rotate(q, start);
            k = rotary.Rotate(k, start);
        }

        if (cache is not null)
        {
            (k, v) = cache.Append(Layer, k, v); // (B, heads, S, head_dim), S = start + T
        }

        var hidden = future.Narrow(0, start, t).Narrow(1, 0, start + t); // (T, S), broadcast over (B, heads)
        // One native call: the (B, heads, T, S) scores are scaled and masked in place rather than copied twice.
        var y = F.MaskedAttention(q, k, v, hidden, 1.0 / Math.Sqrt(headDim), Options.Dropout, Training); // (B, heads, T, head_dim)
        y = y.Transpose(1, 2).Reshape(b, t, Options.Dim); // (B, T, d): heads side by side
        return F.Dropout(output.Forward(y), Options.Dropout, Training);
    }

    /// <inheritdoc/>
    protected override string ExtraRepresentation() => $"heads={Options.Heads}, head_dim={Options.HeadDim}, rope={rotary is not null}";
}
