using UniCode.Kit.Evaluation.Features;
using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Generation;

/// <summary>A Fréchet Inception Distance (lower is better) and the sample sizes it was computed from.</summary>
/// <param name="Value">d², ≥ 0, in squared feature units.</param>
/// <param name="RealCount">Real images.</param>
/// <param name="GeneratedCount">Generated images.</param>
/// <param name="StandardError">The bootstrap standard error over the generated images, when it was estimated
/// (<see cref="Fid.Compute(IFeatureNet, Tensor, Tensor, int, int)"/> with resamples).</param>
public sealed record FidResult(double Value, long RealCount, long GeneratedCount, double? StandardError = null)
{
    /// <summary>"FID 12.34 ± 0.56 (1000 real, 1000 generated images)".</summary>
    public override string ToString() =>
        $"FID {MetricText.Number(Value)}{(StandardError is { } e ? $" ± {MetricText.Number(e)}" : "")} ({RealCount} real, {GeneratedCount} generated images)";
}
