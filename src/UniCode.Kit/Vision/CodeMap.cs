using UniCode.Kit.Reporting.Formatting;
using UniCode.Torch;
using UniCode.Torch.Display;

namespace UniCode.Kit.Vision;

/// <summary>
/// The D-layer code map M^ of paper §3.1: per layer, an h_d x w_d grid of code ids per image. A code map owns its
/// layers' tensors (dispose it, or let the enclosing <see cref="DisposeScope"/> free them).
/// </summary>
/// <remarks>
/// <para>The flattened order (<see cref="Flatten"/>, the target sequence of in-context decompression, paper Eq. 4)
/// walks the coarsest grid row by row; for each coarse cell it emits, layer by layer, that layer's codes inside the
/// cell in row-major order. So VQ gives its cells row by row; RQ gives per cell its D depths; HQ gives per top cell
/// its top code, then its 2x2 bottom codes, as the authors' code lays out 1 top + 4 bottom.</para>
/// </remarks>
[TypeFormatterSource(typeof(KitFormatterSource))]
public sealed class CodeMap : IDisposable, IDisplayable
{
    /// <summary>Creates a code map from its layers (coarsest-relative factors must tile the coarsest grid).</summary>
    /// <param name="layers">The layers, in the order the tokenizer produced them.</param>
    public CodeMap(IReadOnlyList<CodeLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("a code map needs at least one layer", nameof(layers));
        }

        var first = layers[0].Codes.Shape;
        var (batch, h0, w0) = (first[0], first[1] / layers[0].Factor, first[2] / layers[0].Factor);
        foreach (var layer in layers)
        {
            var shape = layer.Codes.Shape;
            if (shape.Length != 3 || shape[0] != batch || shape[1] != h0 * layer.Factor || shape[2] != w0 * layer.Factor)
            {
                throw new ArgumentException(
                    $"layer '{layer.Name}' is [{string.Join(", ", shape)}]; expected [{batch}, {h0 * layer.Factor}, {w0 * layer.Factor}]", nameof(layers));
            }

            if (layer.Codes.DType != DType.Int64)
            {
                throw new ArgumentException($"layer '{layer.Name}' holds {layer.Codes.DType}; code ids are int64", nameof(layers));
            }
        }

        Layers = layers;
        (Batch, Height, Width) = (batch, h0, w0);
    }

    /// <summary>The layers (coarsest-relative factor, name and ids).</summary>
    public IReadOnlyList<CodeLayer> Layers { get; }

    /// <summary>B.</summary>
    public long Batch { get; }

    /// <summary>ĥ, the height of the coarsest grid.</summary>
    public long Height { get; }

    /// <summary>ŵ, the width of the coarsest grid.</summary>
    public long Width { get; }

    /// <summary>Codes per image, over every layer.</summary>
    public long TokensPerImage => Layers.Sum(l => Height * Width * l.Factor * l.Factor);

    /// <summary>The layer named <paramref name="name"/>.</summary>
    /// <param name="name">A layer name.</param>
    public Tensor this[string name] => Layers.FirstOrDefault(l => l.Name == name)?.Codes
        ?? throw new KeyNotFoundException($"this code map has no layer '{name}' (it has {string.Join(", ", Layers.Select(l => l.Name))})");

    /// <summary>The code map as one sequence per image, in the documented order: [B, TokensPerImage] int64.</summary>
    public Tensor Flatten()
    {
        using var scope = new DisposeScope();
        var parts = Layers.Select(layer =>
        {
            var f = layer.Factor;
            return layer.Codes
                .Reshape(Batch, Height, f, Width, f) // (B, ĥ, f, ŵ, f)
                .Permute(0, 1, 3, 2, 4) // (B, ĥ, ŵ, f, f)
                .Reshape(Batch, Height * Width, f * f); // (B, ĥŵ, f²)
        }).ToList();
        return Tensor.Cat(parts, 2).Reshape(Batch, -1).MoveToOuterScope(); // (B, ĥŵ Σf²)
    }

    /// <summary>The inverse of <see cref="Flatten"/> for a code map shaped like <paramref name="like"/>.</summary>
    /// <param name="sequence">[B, TokensPerImage] int64.</param>
    /// <param name="like">A code map with the layer names, factors and coarsest grid to restore.</param>
    public static CodeMap Unflatten(Tensor sequence, CodeMap like)
    {
        ArgumentNullException.ThrowIfNull(like);
        return Unflatten(sequence, like.Height, like.Width, [.. like.Layers.Select(l => (l.Name, l.Factor))]);
    }

    /// <summary>The inverse of <see cref="Flatten"/>.</summary>
    /// <param name="sequence">[B, T] int64 with T = ĥŵ Σ factor².</param>
    /// <param name="height">ĥ.</param>
    /// <param name="width">ŵ.</param>
    /// <param name="layers">Each layer's name and factor, in order.</param>
    public static CodeMap Unflatten(Tensor sequence, long height, long width, IReadOnlyList<(string Name, int Factor)> layers)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentNullException.ThrowIfNull(layers);
        var perCell = layers.Sum(l => l.Factor * l.Factor);
        var shape = sequence.Shape;
        if (shape.Length != 2 || shape[1] != height * width * perCell)
        {
            throw new ArgumentException(
                $"a flattened code map of {height}x{width} cells with {perCell} codes each is [B, {height * width * perCell}], not [{string.Join(", ", shape)}]",
                nameof(sequence));
        }

        var batch = shape[0];
        var cells = sequence.Reshape(batch, height * width, perCell); // (B, ĥŵ, Σf²)
        var result = new List<CodeLayer>();
        var offset = 0;
        foreach (var (name, f) in layers)
        {
            using var scope = new DisposeScope();
            var codes = cells.Narrow(2, offset, f * f)
                .Reshape(batch, height, width, f, f) // (B, ĥ, ŵ, f, f)
                .Permute(0, 1, 3, 2, 4) // (B, ĥ, f, ŵ, f)
                .Reshape(batch, height * f, width * f) // (B, ĥf, ŵf)
                .Contiguous();
            result.Add(new CodeLayer(name, codes.MoveToOuterScope(), f));
            offset += f * f;
        }

        cells.Dispose();
        return new CodeMap(result);
    }

    /// <summary>The first image's code ids, layer by layer, as grids.</summary>
    public string ToHtml()
    {
        var html = new System.Text.StringBuilder($"<div><b>{ToString()}</b><div style=\"display:flex;gap:16px;align-items:flex-start\">");
        foreach (var layer in Layers)
        {
            using var first = layer.Codes.Select(0, 0).Contiguous();
            var (h, w) = (first.Shape[0], first.Shape[1]);
            var flat = first.ToArray<long>();
            var grid = new long[h, w];
            for (var i = 0; i < h; i++)
            {
                for (var j = 0; j < w; j++)
                {
                    grid[i, j] = flat[(i * w) + j];
                }
            }

            html.Append(HtmlSummary.Grid($"{layer.Name} ({h}x{w}), image 0", grid));
        }

        return html.Append("</div></div>").ToString();
    }

    /// <summary>Frees the layers' tensors.</summary>
    public void Dispose()
    {
        foreach (var layer in Layers)
        {
            layer.Codes.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"CodeMap: {Batch} image(s), {string.Join(" + ", Layers.Select(l => $"{l.Name} {Height * l.Factor}x{Width * l.Factor}"))} = {TokensPerImage} tokens per image";
}
