namespace UniCode.Kit.Evaluation.Generation;

/// <summary>A Fréchet Inception Distance (lower is better) and the sample sizes it was computed from.</summary>
/// <param name="Value">d², ≥ 0, in squared feature units.</param>
/// <param name="RealCount">Real images.</param>
/// <param name="GeneratedCount">Generated images.</param>
public sealed record FidResult(double Value, long RealCount, long GeneratedCount)
{
    /// <summary>"FID 12.34 (1000 real, 1000 generated images)".</summary>
    public override string ToString() => $"FID {MetricText.Number(Value)} ({RealCount} real, {GeneratedCount} generated images)";
}
