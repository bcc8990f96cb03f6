using UniCode.Torch;

namespace UniCode.Kit.Vision;

/// <summary>One layer of a code map: an h x w grid of code ids per image.</summary>
/// <param name="Name">The layer's name (<c>codes</c>, <c>depth1</c>…, <c>top</c>, <c>bottom</c>).</param>
/// <param name="Codes">[B, h, w] int64 ids into the tokenizer's codebook.</param>
/// <param name="Factor">h and w divided by the coarsest layer's: 1 for the coarsest, 2 for HQ's bottom.</param>
public sealed record CodeLayer(string Name, Tensor Codes, int Factor);
