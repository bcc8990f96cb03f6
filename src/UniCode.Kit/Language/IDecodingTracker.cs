using UniCode.Torch;

namespace UniCode.Kit.Language;

/// <summary>The state of an <see cref="IDecodingConstraint"/> during one generation, one entry per row.</summary>
public interface IDecodingTracker
{
    /// <summary>The logits with every token the rule forbids at this step set to −∞.</summary>
    /// <param name="logits">(B, V) next-token logits.</param>
    /// <returns>(B, V).</returns>
    Tensor Restrict(Tensor logits);

    /// <summary>Records the tokens just emitted.</summary>
    /// <param name="tokens">One id per row.</param>
    void Advance(IReadOnlyList<long> tokens);
}
