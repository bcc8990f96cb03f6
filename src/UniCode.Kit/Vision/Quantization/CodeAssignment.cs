using UniCode.Torch;

namespace UniCode.Kit.Vision.Quantization;

/// <summary>One quantized layer of a training step, for <see cref="VectorQuantizer.Update"/>.</summary>
/// <param name="Features">The features that were quantized: [B, n, h, w].</param>
/// <param name="Codes">Their code map: [B, h, w] int64.</param>
public sealed record CodeAssignment(Tensor Features, Tensor Codes);
