using UniCode.Kit.Evaluation.Reconstruction;
using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Codebooks;

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
public sealed record TrainedTokenizer(
    TokenizerRecipe Recipe,
    VisualTokenizer Tokenizer,
    LanguageCodebook Language,
    ReconstructionReport Report,
    IReadOnlyList<TokenizerStepRecord> History,
    IReadOnlyList<CodebookAlignment> Alignments,
    string Folder,
    bool Reused,
    double TrainingSeconds) : IDisposable
{
    /// <summary>Frees the tokenizer and C_L.</summary>
    public void Dispose()
    {
        Tokenizer.Dispose();
        Language.Dispose();
    }
}
