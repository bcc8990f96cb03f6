using System.Globalization;
using UniCode.Kit.Reporting.Formatting;
using UniCode.Torch.Display;

namespace UniCode.Kit.Evaluation.Reconstruction;

/// <summary>How well a tokenizer reconstructs a test split (the figures of paper Table 10).</summary>
/// <param name="Images">How many test images were measured.</param>
/// <param name="Psnr">Mean PSNR, dB.</param>
/// <param name="Ssim">Mean SSIM.</param>
/// <param name="Rfid">The Fréchet distance between the feature net's features of the originals and of the
/// reconstructions (null without a feature net).</param>
/// <param name="Usage">The fraction of the codebook the split's code maps use.</param>
/// <param name="Perplexity">The perplexity of those codes.</param>
[TypeFormatterSource(typeof(KitFormatterSource))]
public sealed record ReconstructionReport(int Images, double Psnr, double Ssim, double? Rfid, double Usage, double Perplexity) : IDisplayable
{
    /// <inheritdoc/>
    public string ToHtml() => HtmlSummary.Table($"Reconstruction on {Images} test images", [
        ("PSNR", $"{Psnr.ToString("F2", CultureInfo.InvariantCulture)} dB"),
        ("SSIM", Ssim.ToString("F4", CultureInfo.InvariantCulture)),
        ("rFID", Rfid is { } f ? f.ToString("F2", CultureInfo.InvariantCulture) : "-"),
        ("codebook usage", Usage.ToString("P1", CultureInfo.InvariantCulture)),
        ("perplexity", Perplexity.ToString("F1", CultureInfo.InvariantCulture)),
    ]);
}
