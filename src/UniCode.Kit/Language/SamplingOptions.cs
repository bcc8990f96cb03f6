using UniCode.Torch;

namespace UniCode.Kit.Language;

/// <summary>How <see cref="Sampler"/> picks each next token.</summary>
public sealed record SamplingOptions : IOptions
{
    /// <summary>The most tokens generated after the prompt.</summary>
    public int MaxNewTokens { get; init; } = 32;

    /// <summary>Divides the logits before sampling; 0 picks the most likely token (greedy decoding).</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>Sample among the k most likely tokens only (Fan et al. 2018); 0 keeps all.</summary>
    public int TopK { get; init; }

    /// <summary>Sample from the smallest set of most likely tokens whose probability reaches p (nucleus sampling,
    /// Holtzman et al. 2020); 1 keeps all.</summary>
    public double TopP { get; init; } = 1;

    /// <summary>s of classifier-free guidance (Ho and Salimans 2022), applied when an unconditional prompt is given:
    /// logits = uncond + s (cond − uncond); 1 is plain conditional sampling.</summary>
    public double GuidanceScale { get; init; } = 1;

    /// <summary>A token that ends a row (e.g. <c>&lt;|eos|&gt;</c>): once a row emits it, it emits only it, and
    /// generation stops when every row has; null generates <see cref="MaxNewTokens"/> always.</summary>
    public int? EosId { get; init; }

    /// <summary>Reuse the keys and values of earlier tokens (<see cref="KvCache"/>); false recomputes the whole
    /// sequence at every step (the reference the cache is tested against).</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Seeds each <see cref="Sampler.Generate"/> call that is given no generator: the same seed gives the
    /// same samples.</summary>
    public ulong Seed { get; init; }

    /// <summary>Whether decoding is greedy (<see cref="Temperature"/> 0).</summary>
    public bool Greedy => Temperature == 0;

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.AtLeast(MaxNewTokens, 1, nameof(MaxNewTokens));
        OptionCheck.NonNegative(Temperature, nameof(Temperature));
        OptionCheck.AtLeast(TopK, 0, nameof(TopK));
        if (!(TopP > 0 && TopP <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TopP), TopP, $"TopP must be in (0, 1], not {TopP}");
        }

        OptionCheck.NonNegative(GuidanceScale, nameof(GuidanceScale));
        if (EosId is { } eos)
        {
            OptionCheck.AtLeast(eos, 0, nameof(EosId));
        }
    }
}
