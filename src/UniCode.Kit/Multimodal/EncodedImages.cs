using UniCode.Kit.Multimodal.Sequences;
using UniCode.Torch;

namespace UniCode.Kit.Multimodal;

/// <summary>A batch of images as the frozen tokenizer gives them to the MLLM (the caller disposes it).</summary>
/// <param name="Images">Each image's flattened code map.</param>
/// <param name="SoftSource">[B, ĥŵ, n]: Ẑ, or the continuous encoder features under the Projector paradigm.</param>
public sealed record EncodedImages(IReadOnlyList<EncodedImage> Images, Tensor SoftSource) : IDisposable
{
    /// <summary>Frees the soft source.</summary>
    public void Dispose() => SoftSource.Dispose();
}
