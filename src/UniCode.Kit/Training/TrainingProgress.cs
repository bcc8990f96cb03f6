using UniCode.Kit.Reporting.Formatting;
using UniCode.Torch.Display;

namespace UniCode.Kit.Training;

/// <summary>What a training loop reports after a step (the CLI draws it as a progress bar, a notebook as an updating
/// display).</summary>
/// <param name="What">What is being trained (e.g. <c>tokenizer HqVae/Iterative</c>).</param>
/// <param name="Step">Steps done.</param>
/// <param name="TotalSteps">Steps in the run.</param>
/// <param name="Loss">The last step's loss.</param>
/// <param name="Elapsed">Wall time since the run (or its resumption) started.</param>
/// <param name="Details">Named figures of the last step (e.g. psnr, usage, cos).</param>
[TypeFormatterSource(typeof(KitFormatterSource))]
public sealed record TrainingProgress(string What, int Step, int TotalSteps, double Loss, TimeSpan Elapsed, IReadOnlyDictionary<string, double> Details) : IDisplayable
{
    /// <inheritdoc/>
    public string ToHtml() => HtmlSummary.Progress(Fraction, ToString());

    /// <summary>The report before the first step (what a notebook displays first, then updates).</summary>
    /// <param name="what">What is being trained.</param>
    /// <param name="totalSteps">Steps in the run.</param>
    public static TrainingProgress Starting(string what, int totalSteps) =>
        new(what, 0, totalSteps, double.NaN, TimeSpan.Zero, new Dictionary<string, double>());

    /// <summary>The fraction done, in [0, 1].</summary>
    public double Fraction => TotalSteps == 0 ? 1 : (double)Step / TotalSteps;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{What}: step {Step}/{TotalSteps}, loss {Loss:G4}" + string.Concat(Details.Select(d => $", {d.Key} {d.Value:G4}")) + $" ({Elapsed.TotalSeconds:F0} s)";
}
