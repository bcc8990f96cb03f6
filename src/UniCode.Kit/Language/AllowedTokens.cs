using UniCode.Torch;

namespace UniCode.Kit.Language;

/// <summary>Every generated token must be one of a fixed set of ids (e.g. the image codes, when a prompt asks for
/// an image and nothing else).</summary>
public sealed class AllowedTokens : IDecodingConstraint
{
    /// <summary>Allows exactly <paramref name="ids"/>.</summary>
    /// <param name="ids">At least one token id.</param>
    public AllowedTokens(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        Ids = [.. ids.Distinct().Order()];
        if (Ids.Count == 0)
        {
            throw new ArgumentException("the allowed set must hold at least one id", nameof(ids));
        }
    }

    /// <summary>The allowed ids, ascending.</summary>
    public IReadOnlyList<int> Ids { get; }

    /// <inheritdoc/>
    public IDecodingTracker Start(Tensor prompt, int vocabSize) => new Tracker(TokenMask.Of(Ids, vocabSize, nameof(Ids)).LogicalNot());

    private sealed class Tracker(Tensor banned) : IDecodingTracker
    {
        public Tensor Restrict(Tensor logits) => logits.MaskedFill(banned, double.NegativeInfinity); // (B, V), banned (V) broadcast

        public void Advance(IReadOnlyList<long> tokens)
        {
            // The rule does not depend on what came before.
        }
    }
}
