namespace UniCode.Kit.Evaluation.Alignment;

/// <summary>A CLIP-score analogue (higher is better; 0 to 100).</summary>
/// <param name="Score">The mean of 100 · max(cos, 0) over the pairs.</param>
/// <param name="Std">The population standard deviation of the per-pair scores.</param>
/// <param name="MeanCosine">The mean cosine before clipping, in [−1, 1].</param>
/// <param name="Count">Image-prompt pairs scored.</param>
public sealed record ClipScoreResult(double Score, double Std, double MeanCosine, int Count)
{
    /// <summary>"CLIP score 31.20 ± 4.10 (mean cosine 0.305, 500 pairs)".</summary>
    public override string ToString() =>
        $"CLIP score {MetricText.Number(Score)} ± {MetricText.Number(Std)} (mean cosine {MetricText.Number(MeanCosine, 3)}, {Count} pairs)";
}
