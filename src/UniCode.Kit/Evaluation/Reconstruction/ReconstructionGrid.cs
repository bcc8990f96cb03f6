using UniCode.Kit.Reporting.Images;
using UniCode.Kit.Vision;
using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Reconstruction;

/// <summary>Originals beside their reconstructions: rows of originals, each followed by the same images decoded.</summary>
public static class ReconstructionGrid
{
    /// <summary>Encodes and decodes <paramref name="images"/> and lays them out, <paramref name="columns"/> per row.</summary>
    /// <param name="tokenizer">The tokenizer.</param>
    /// <param name="images">[N, C, H, W] in [0, 1]; N a multiple of <paramref name="columns"/> (extra images are left out).</param>
    /// <param name="columns">Images per row.</param>
    /// <param name="scale">Pixel magnification.</param>
    public static ImageGrid Create(VisualTokenizer tokenizer, Tensor images, int columns = 8, int scale = 3)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var rows = (int)(images.Shape[0] / columns);
        if (rows == 0)
        {
            throw new ArgumentException($"a grid of {columns} columns needs at least {columns} images, not {images.Shape[0]}", nameof(images));
        }

        using var scope = new DisposeScope();
        using var codes = tokenizer.Encode(images);
        var decoded = tokenizer.Decode(codes);
        var parts = new List<Tensor>();
        var captions = new List<string>();
        for (var r = 0; r < rows; r++)
        {
            parts.Add(images.Narrow(0, r * columns, columns));
            parts.Add(decoded.Narrow(0, r * columns, columns));
            captions.AddRange(Enumerable.Repeat("original", columns));
            captions.AddRange(Enumerable.Repeat(tokenizer.Kind.ToString(), columns));
        }

        return ImageGrid.Create(Tensor.Cat(parts), captions, new ImageGridOptions { Columns = columns, Scale = scale });
    }
}
