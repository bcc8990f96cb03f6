namespace UniCode.Kit.Multimodal.Sequences;

/// <summary>
/// An image as the visual tokenizer sees it: its code map flattened in the kit's documented order (per coarse cell in
/// raster order, that cell's codes layer by layer: HQ-VAE's 1 top code then its 4 bottom codes, RQ-VAE's D depths),
/// and the size of its coarse grid, whose cells are the rows of Ẑ.
/// </summary>
/// <param name="Codes">The flattened code map, <c>Cells · CodesPerCell</c> ids.</param>
/// <param name="Cells">ĥŵ: the cells of the coarsest grid (rows of Ẑ).</param>
public sealed record EncodedImage(long[] Codes, int Cells)
{
    /// <summary>Codes per coarse cell (D for RQ-VAE, 1 + 4 for HQ-VAE, 1 for VQ-GAN).</summary>
    public int CodesPerCell => Cells > 0 && Codes.Length % Cells == 0
        ? Codes.Length / Cells
        : throw new InvalidOperationException($"{Codes.Length} codes do not split into {Cells} cells");
}
