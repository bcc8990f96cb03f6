using UniCode.Torch;

namespace UniCode.Kit.Language;

/// <summary>Soft embeddings that take the place of some prompt tokens (e.g. an input image's Z^ in its span of
/// <c>&lt;|image|&gt;</c> slots), as <see cref="Transformer.Embed(Tensor, Tensor, Tensor)"/> places them.</summary>
/// <param name="Embeddings">(B, N, d).</param>
/// <param name="Positions">(B, N) int64 positions in the prompt (<see cref="ImageSpanPositions.Of"/>).</param>
public sealed record SoftTokens(Tensor Embeddings, Tensor Positions);
