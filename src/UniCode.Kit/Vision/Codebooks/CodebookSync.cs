using UniCode.Kit.Vision.Quantization;

namespace UniCode.Kit.Vision.Codebooks;

/// <summary>
/// Runs a codebook paradigm (paper §3.2) around a tokenizer's training steps: the trainer calls
/// <see cref="BeforeStep"/> before each step's forward pass and <see cref="AfterStep"/> after its update.
/// </summary>
public abstract class CodebookSync
{
    /// <summary>Binds the paradigm to a quantizer and (for the unified paradigms) a language codebook.</summary>
    /// <param name="quantizer">The tokenizer's quantizer.</param>
    /// <param name="language">C_L (required by every paradigm but Separate, which only measures against it).</param>
    protected CodebookSync(VectorQuantizer quantizer, LanguageCodebook? language)
    {
        ArgumentNullException.ThrowIfNull(quantizer);
        if (language is not null && (language.Size != quantizer.CodebookSize || language.Dim != quantizer.Dim))
        {
            throw new ArgumentException(
                $"C_L is {language.Size}x{language.Dim} but the tokenizer's codebook is {quantizer.CodebookSize}x{quantizer.Dim}: " +
                "the code dimension and size follow C_L (build the tokenizer with VisualTokenizers.WithCodebookShape)", nameof(language));
        }

        Quantizer = quantizer;
        Language = language;
    }

    /// <summary>The paradigm.</summary>
    public abstract CodebookParadigm Paradigm { get; }

    /// <summary>The quantizer whose codebook this paradigm drives.</summary>
    public VectorQuantizer Quantizer { get; }

    /// <summary>C_L, if any.</summary>
    public LanguageCodebook? Language { get; }

    /// <summary>Builds the paradigm of <paramref name="options"/>.</summary>
    /// <param name="options">Paradigm and schedule (validated).</param>
    /// <param name="quantizer">The tokenizer's quantizer.</param>
    /// <param name="language">C_L (required except for Separate).</param>
    /// <param name="totalSteps">The length of training (the converging schedule is laid out over it).</param>
    public static CodebookSync Create(CodebookOptions options, VectorQuantizer quantizer, LanguageCodebook? language, int totalSteps)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Paradigm != CodebookParadigm.Separate && language is null)
        {
            throw new ArgumentException($"the {options.Paradigm} paradigm needs the language codebook C_L", nameof(language));
        }

        return options.Paradigm switch
        {
            CodebookParadigm.Separate => new SeparateCodebook(quantizer, language),
            CodebookParadigm.Frozen => new FrozenCodebook(quantizer, language!),
            CodebookParadigm.Dual => new DualCodebook(quantizer, language!),
            _ => new IterativeCodebook(quantizer, language!, options, totalSteps),
        };
    }

    /// <summary>Called before step <paramref name="step"/>'s forward pass.</summary>
    /// <param name="step">0-based training step.</param>
    public virtual void BeforeStep(int step)
    {
    }

    /// <summary>Called after step <paramref name="step"/>'s optimizer update and EMA update.</summary>
    /// <param name="step">0-based training step.</param>
    public virtual void AfterStep(int step)
    {
    }

    /// <summary>Restores the paradigm's own state after a checkpoint of <paramref name="stepsDone"/> steps was loaded
    /// (the codebook and C_L themselves come from the checkpoint).</summary>
    /// <param name="stepsDone">Steps the checkpoint had done.</param>
    public virtual void Resume(int stepsDone)
    {
    }

    /// <summary>The alignment of the codebook with C_L now (null without C_L).</summary>
    /// <param name="step">The step to record.</param>
    public CodebookAlignment? Alignment(int step) => Language is null ? null : CodebookAlignment.Measure(step, Quantizer.Codebook, Language);
}
