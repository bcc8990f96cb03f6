namespace UniCode.Kit.Evaluation.Generation.Shapes;

/// <summary>Shapes attribute accuracy, per attribute and overall (see <see cref="ShapesAttributeAccuracy"/>).</summary>
/// <param name="Colour">The share of named colours present, 0 to 1.</param>
/// <param name="Shape">The share of named shapes present.</param>
/// <param name="Count">The share of images with the named number of objects.</param>
/// <param name="Overall">The share of images right on colour, shape and count at once.</param>
/// <param name="Images">Images scored.</param>
public sealed record ShapesAttributeResult(double Colour, double Shape, double Count, double Overall, int Images)
{
    /// <summary>"attributes: colour 90.0%, shape 75.0%, count 80.0%, overall 60.0% (200 images)".</summary>
    public override string ToString() =>
        $"attributes: colour {MetricText.Percent(Colour)}, shape {MetricText.Percent(Shape)}, count {MetricText.Percent(Count)}, overall {MetricText.Percent(Overall)} ({Images} images)";
}
