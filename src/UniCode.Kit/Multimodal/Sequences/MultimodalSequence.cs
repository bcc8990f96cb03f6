using UniCode.Kit.Multimodal.Tasks;
using UniCode.Kit.Text;

namespace UniCode.Kit.Multimodal.Sequences;

/// <summary>
/// One example laid out for the language model: token ids (image codes already mapped to token ids; soft positions
/// hold the &lt;|image|&gt; id, replaced by embeddings in the model), labels aligned with the inputs
/// (<see cref="ChatExample.IgnoreIndex"/> where unsupervised), the soft slots, and the image spans.
/// </summary>
/// <param name="Kind">The task it came from.</param>
/// <param name="InputIds">Token ids.</param>
/// <param name="Labels">Per position: the id to predict there, or -100.</param>
/// <param name="SoftSlots">Positions fed with soft embeddings, in increasing order.</param>
/// <param name="ImageSpans">Where each image part sits.</param>
public sealed record MultimodalSequence(TaskKind Kind, int[] InputIds, int[] Labels, SoftSlot[] SoftSlots, IReadOnlyList<ImageSpan> ImageSpans)
{
    /// <summary>The number of positions.</summary>
    public int Length => InputIds.Length;

    /// <summary>How many positions are supervised.</summary>
    public int SupervisedCount => Labels.Count(l => l != ChatExample.IgnoreIndex);
}
