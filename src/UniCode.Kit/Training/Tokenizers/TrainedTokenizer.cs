using System.Globalization;
using UniCode.Kit.Evaluation.Reconstruction;
using UniCode.Kit.Reporting.Formatting;
using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Codebooks;
using UniCode.Torch.Display;

namespace UniCode.Kit.Training.Tokenizers;

/// <summary>A tokenizer trained (or taken from the cache) by a recipe, with its measurements.</summary>
/// <param name="Recipe">What made it.</param>
/// <param name="Tokenizer">The tokenizer (in eval mode; the caller disposes it).</param>
/// <param name="Language">C_L as it stood at the end of training (Dual writes it; the caller disposes it).</param>
/// <param name="Report">PSNR, SSIM, rFID and usage on the test split.</param>
/// <param name="History">Every training step's record.</param>
/// <param name="Alignments">The codebook's alignment with C_L over training.</param>
/// <param name="Folder">The artifact's folder.</param>
/// <param name="Reused">Whether it came from the cache.</param>
/// <param name="TrainingSeconds">The wall time of training (of the run that made it, when reused).</param>
[TypeFormatterSource(typeof(KitFormatterSource))]
public sealed record TrainedTokenizer(
    TokenizerRecipe Recipe,
    VisualTokenizer Tokenizer,
    LanguageCodebook Language,
    ReconstructionReport Report,
    IReadOnlyList<TokenizerStepRecord> History,
    IReadOnlyList<CodebookAlignment> Alignments,
    string Folder,
    bool Reused,
    double TrainingSeconds) : IDisposable, IDisplayable
{
    /// <inheritdoc/>
    public string ToHtml() => HtmlSummary.Table(Recipe.ToString(), [
        ("PSNR", $"{Report.Psnr.ToString("F2", CultureInfo.InvariantCulture)} dB"),
        ("SSIM", Report.Ssim.ToString("F4", CultureInfo.InvariantCulture)),
        ("rFID", Report.Rfid is { } f ? f.ToString("F2", CultureInfo.InvariantCulture) : "-"),
        ("codebook usage", Report.Usage.ToString("P1", CultureInfo.InvariantCulture)),
        ("cos(C, C_L) at the end", Alignments.Count > 0 ? Alignments[^1].MeanCosine.ToString("F4", CultureInfo.InvariantCulture) : "-"),
        ("training", $"{TrainingSeconds.ToString("F0", CultureInfo.InvariantCulture)} s" + (Reused ? " (cached artifact reused)" : string.Empty)),
        ("C_L", Language.Source),
    ]);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Recipe}: PSNR {Report.Psnr:F2} dB, SSIM {Report.Ssim:F3}, rFID {Report.Rfid:F2}, usage {Report.Usage:P0}" + (Reused ? " (reused)" : string.Empty);

    /// <summary>Frees the tokenizer and C_L.</summary>
    public void Dispose()
    {
        Tokenizer.Dispose();
        Language.Dispose();
    }
}
