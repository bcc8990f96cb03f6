namespace UniCode.Kit.Evaluation.Reconstruction;

/// <summary>How well a tokenizer reconstructs a test split (the figures of paper Table 10).</summary>
/// <param name="Images">How many test images were measured.</param>
/// <param name="Psnr">Mean PSNR, dB.</param>
/// <param name="Ssim">Mean SSIM.</param>
/// <param name="Rfid">The Fréchet distance between the feature net's features of the originals and of the
/// reconstructions (null without a feature net).</param>
/// <param name="Usage">The fraction of the codebook the split's code maps use.</param>
/// <param name="Perplexity">The perplexity of those codes.</param>
public sealed record ReconstructionReport(int Images, double Psnr, double Ssim, double? Rfid, double Usage, double Perplexity);
