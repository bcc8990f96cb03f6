namespace UniCode.Kit.Evaluation.Generation;

/// <summary>How many generated images the feature net assigns to the class they were asked for.</summary>
/// <param name="Correct">Images classified as their asked class.</param>
/// <param name="Count">Images.</param>
/// <param name="PerClass">The accuracy of each asked class, by class index, ascending.</param>
public sealed record ClassAccuracyResult(int Correct, int Count, IReadOnlyDictionary<long, double> PerClass)
{
    /// <summary>Correct / Count.</summary>
    public double Accuracy => (double)Correct / Count;

    /// <summary>"class accuracy 81.0% (81 of 100 images, 10 classes asked)".</summary>
    public override string ToString() =>
        $"class accuracy {MetricText.Percent(Accuracy)} ({Correct} of {Count} images, {PerClass.Count} class{(PerClass.Count == 1 ? "" : "es")} asked)";
}
