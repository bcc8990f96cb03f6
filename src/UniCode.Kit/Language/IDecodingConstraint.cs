using UniCode.Torch;

namespace UniCode.Kit.Language;

/// <summary>A rule on which token ids <see cref="Sampler"/> may emit (e.g. only image codes inside an image span).</summary>
public interface IDecodingConstraint
{
    /// <summary>Starts one generation: reads the prompts (a rule may depend on where they end) and returns the
    /// tracker that restricts each step.</summary>
    /// <param name="prompt">(B, T) int64, the conditional prompts.</param>
    /// <param name="vocabSize">V, the model's vocabulary.</param>
    IDecodingTracker Start(Tensor prompt, int vocabSize);
}
