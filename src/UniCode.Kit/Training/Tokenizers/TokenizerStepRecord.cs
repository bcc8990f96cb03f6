namespace UniCode.Kit.Training.Tokenizers;

/// <summary>One logged training step of a tokenizer.</summary>
/// <param name="Step">0-based step.</param>
/// <param name="Loss">Total loss.</param>
/// <param name="ReconstructionLoss">The pixel loss.</param>
/// <param name="Psnr">PSNR of the batch's reconstructions, dB.</param>
/// <param name="Usage">Fraction of codes used in the batch.</param>
/// <param name="Perplexity">Perplexity of the batch's codes.</param>
/// <param name="MeanCosine">Mean cos(C_k, C_L,k), when C_L is given and the step was measured.</param>
/// <param name="RelativeDistance">||C − s·C_L||_F / ||s·C_L||_F, likewise.</param>
public sealed record TokenizerStepRecord(
    int Step, double Loss, double ReconstructionLoss, double Psnr, double Usage, double Perplexity, double? MeanCosine, double? RelativeDistance);
