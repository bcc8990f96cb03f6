using UniCode.Kit.Data;
using UniCode.Kit.Language;
using UniCode.Kit.Training.Language;
using UniCode.Kit.Training.Tokenizers;
using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Codebooks;

namespace UniCode.Kit.Training.Multimodal;

/// <summary>
/// Stage I (paper §3.2 and §4): an LM text step, then a tokenizer reconstruction step, over one embedding table. C_L
/// is a live view of the LM's token embeddings, so under <see cref="CodebookParadigm.Dual"/> the tokenizer's update is
/// written into the LM's table and the LM's update reaches the tokenizer before its next step; under
/// <see cref="CodebookParadigm.Frozen"/> the table is frozen on both sides; under <see cref="CodebookParadigm.Iterative"/>
/// the codebook is pulled toward the table as the LM trains it (Eq. 2 and 3) and the tokenizer never writes it.
/// </summary>
public sealed class StageOneTrainer : ISteppedTraining, IDisposable
{
    private readonly LanguageModelTrainer language;
    private readonly TokenizerTrainer tokenizer;
    private readonly LanguageCodebook table;

    /// <summary>Joins the two trainings.</summary>
    /// <param name="model">The pre-trained LM (its embedding table is C_L; K of the tokenizer ≤ V, n = d).</param>
    /// <param name="text">The LM's packed text.</param>
    /// <param name="languageOptions">The LM's training (its Steps are replaced by the tokenizer's).</param>
    /// <param name="visual">The tokenizer, freshly initialised.</param>
    /// <param name="images">Its training images.</param>
    /// <param name="tokenizerOptions">Its training, under Frozen, Dual or Iterative.</param>
    /// <param name="codeNorm">The mean row norm of s·C_L.</param>
    public StageOneTrainer(
        Transformer model, TokenStream text, LanguageModelTrainingOptions languageOptions, VisualTokenizer visual, IImageDataset images,
        TokenizerTrainingOptions tokenizerOptions, double codeNorm = 1.0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(visual);
        ArgumentNullException.ThrowIfNull(tokenizerOptions);
        ArgumentNullException.ThrowIfNull(languageOptions);
        if (tokenizerOptions.Codebook.Paradigm == CodebookParadigm.Separate)
        {
            throw new ArgumentException("Stage I joins a tokenizer to the LM's table: its codebook paradigm must be Frozen, Dual or Iterative, not Separate", nameof(tokenizerOptions));
        }

        if (visual.Quantizer.Dim != model.Options.Dim || visual.Quantizer.CodebookSize > model.VocabSize)
        {
            throw new ArgumentException(
                $"the tokenizer's codebook ({visual.Quantizer.CodebookSize} x {visual.Quantizer.Dim}) must fit in the LM's table ({model.VocabSize} x {model.Options.Dim})", nameof(visual));
        }

        if (tokenizerOptions.Codebook.Paradigm == CodebookParadigm.Frozen)
        {
            model.TokenEmbedding.RequiresGradInPlace(false); // frozen on both sides: text steps leave C_L alone too
        }

        table = LanguageCodebook.Sharing(model.TokenEmbedding, visual.Quantizer.CodebookSize, "the LM's live embedding table (Stage I)", codeNorm);
        try
        {
            language = new LanguageModelTrainer(model, text, languageOptions with { Steps = tokenizerOptions.Steps });
            tokenizer = new TokenizerTrainer(visual, images, tokenizerOptions, table);
        }
        catch
        {
            language?.Dispose();
            table.Dispose();
            throw;
        }
    }

    /// <summary>The LM side.</summary>
    public LanguageModelTrainer Language => language;

    /// <summary>The tokenizer side (its <see cref="TokenizerTrainer.Language"/> is the live table).</summary>
    public TokenizerTrainer Tokenizer => tokenizer;

    /// <inheritdoc/>
    public string Description => $"stage I {tokenizer.Tokenizer.Kind}/{tokenizer.Codebook.Paradigm} + LM";

    /// <inheritdoc/>
    public int StepsDone => tokenizer.StepsDone;

    /// <inheritdoc/>
    public int TotalSteps => tokenizer.TotalSteps;

    /// <inheritdoc/>
    public int CheckpointEvery => tokenizer.CheckpointEvery;

    /// <inheritdoc/>
    public ulong Seed => tokenizer.Seed;

    /// <summary>Trains both sides to the tokenizer's step count (<see cref="TrainingLoop"/>).</summary>
    /// <param name="progress">Receives a report after every step.</param>
    /// <param name="checkpointDirectory">Where checkpoints go, or null for none.</param>
    /// <param name="cancellationToken">Stops between steps (after a checkpoint, then throws).</param>
    public void Train(IProgress<TrainingProgress>? progress = null, string? checkpointDirectory = null, CancellationToken cancellationToken = default) =>
        TrainingLoop.Run(this, progress, checkpointDirectory, cancellationToken);

    /// <summary>Resumes both sides from a checkpoint in <paramref name="checkpointDirectory"/> if there is one.</summary>
    /// <param name="checkpointDirectory">The folder given to <see cref="Train"/>.</param>
    public bool TryResume(string checkpointDirectory) => TrainingLoop.TryResume(this, checkpointDirectory);

    /// <inheritdoc/>
    public (double Loss, IReadOnlyDictionary<string, double> Details) Step()
    {
        var (textLoss, textDetails) = language.Step();
        var (loss, details) = tokenizer.Step();
        var merged = new Dictionary<string, double>(details) { ["text_loss"] = textLoss };
        if (textDetails.TryGetValue("val_ppl", out var perplexity))
        {
            merged["val_ppl"] = perplexity;
        }

        return (loss, merged);
    }

    /// <inheritdoc/>
    public void SaveCheckpoint(string path)
    {
        language.SaveCheckpoint(LanguagePath(path));
        tokenizer.SaveCheckpoint(path);
    }

    /// <inheritdoc/>
    public void LoadCheckpoint(string path)
    {
        language.LoadCheckpoint(LanguagePath(path));
        tokenizer.LoadCheckpoint(path);
        if (language.StepsDone != tokenizer.StepsDone)
        {
            throw new InvalidDataException(
                $"'{path}': the Stage I checkpoint is torn: the LM side is at step {language.StepsDone} and the tokenizer at {tokenizer.StepsDone} (delete the run folder to start over)");
        }
    }

    /// <summary>Frees both optimisers and the view of the table.</summary>
    public void Dispose()
    {
        tokenizer.Dispose();
        language.Dispose();
        table.Dispose();
    }

    private static string LanguagePath(string path) => Path.ChangeExtension(path, ".lm.safetensors");
}
