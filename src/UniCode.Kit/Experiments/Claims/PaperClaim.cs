namespace UniCode.Kit.Experiments.Claims;

/// <summary>
/// A claim of the paper that a table tests, as the comparisons it rests on, with the reason it most likely fails to
/// reproduce at the kit's scale (written before the numbers are seen, and shown only when it does not reproduce).
/// </summary>
/// <param name="Text">The claim in words, e.g. "Unified beats SeparateVocab on VQA and FID".</param>
/// <param name="Comparisons">What must hold for it (at least one).</param>
/// <param name="LikelyReason">The most likely reason it does not hold here.</param>
public sealed record PaperClaim(string Text, IReadOnlyList<ClaimComparison> Comparisons, string LikelyReason)
{
    /// <summary>A claim resting on the given comparisons.</summary>
    /// <param name="text">The claim in words.</param>
    /// <param name="likelyReason">The most likely reason it does not hold here.</param>
    /// <param name="comparisons">What must hold.</param>
    public static PaperClaim Of(string text, string likelyReason, params ClaimComparison[] comparisons) => new(text, comparisons, likelyReason);
}
