using UniCode.Torch;

namespace UniCode.Kit.Vision.Quantization;

/// <summary>
/// The features of <see cref="VectorQuantizer"/>, one option each (in the manner of vector-quantize-pytorch).
/// </summary>
public sealed record VectorQuantizerOptions : IOptions
{
    /// <summary>K, the number of codes (paper §3.1). Under a unified codebook it is the LM's vocabulary size.</summary>
    public int CodebookSize { get; init; } = 1024;

    /// <summary>n, the code dimension (paper §3.1). Under a unified codebook it is the LM's embedding width.</summary>
    public int Dim { get; init; } = 64;

    /// <summary>β, the weight of the commitment loss ||z − sg(e)||² (VQ-VAE, van den Oord et al. 2017).</summary>
    public double Commitment { get; init; } = 0.25;

    /// <summary>Update the codebook as an exponential moving average of its assigned features (paper Eq. 2, after
    /// VQ-VAE-2 and RQ-VAE). When false the codebook is a parameter trained by the loss ||sg(z) − e||².</summary>
    public bool Ema { get; init; } = true;

    /// <summary>λ of paper Eq. 2: how much of the old codebook each EMA update keeps.</summary>
    public double Decay { get; init; } = 0.99;

    /// <summary>ε of the Laplace smoothing of the EMA cluster sizes, which keeps unused codes finite.</summary>
    public double Epsilon { get; init; } = 1e-5;

    /// <summary>A code assigned to no feature for this many consecutive training steps is restarted from a recent
    /// encoder output; 0 never restarts.</summary>
    public int DeadCodeSteps { get; init; } = 50;

    /// <summary>Initialise the codebook from the first training batch's features (a random sample of them), so that
    /// every code starts where the encoder's outputs are; else it starts as N(0, <see cref="InitStd"/>²).</summary>
    public bool InitFromData { get; init; } = true;

    /// <summary>The standard deviation of each element of a randomly initialised code.</summary>
    public double InitStd { get; init; } = 0.1;

    /// <summary>Cosine codebook (ViT-VQGAN, Yu et al. 2022): features and codes are l2-normalised before the
    /// nearest-code search and the codes stay on the unit sphere. Off by default: residual quantization needs codes
    /// of several norms.</summary>
    public bool Cosine { get; init; }

    /// <summary>Weight of the code-entropy term (the entropy penalty of MAGVIT-v2's LFQ, Yu et al. 2024): the mean
    /// entropy of each feature's soft assignment minus the entropy of the batch's mean assignment. It pulls features
    /// toward codes the batch does not use, the one remedy for dead codes that also works when the codebook is fixed
    /// (Frozen, and Iterative once C = s·C_L), where restarting a code is not allowed. 0: off.</summary>
    public double EntropyWeight { get; init; }

    /// <summary>τ of the soft assignment softmax(−||z − e_k||² / τ) of the entropy term, in squared-distance units
    /// (codes of norm about 1 under a unified codebook, so τ = 0.1 makes the nearest code dominate).</summary>
    public double EntropyTemperature { get; init; } = 0.1;

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.AtLeast(CodebookSize, 2, nameof(CodebookSize));
        OptionCheck.AtLeast(Dim, 1, nameof(Dim));
        OptionCheck.NonNegative(Commitment, nameof(Commitment));
        OptionCheck.InRange(Decay, 0, 1, nameof(Decay), maxExclusive: true);
        OptionCheck.Positive(Epsilon, nameof(Epsilon));
        OptionCheck.AtLeast(DeadCodeSteps, 0, nameof(DeadCodeSteps));
        OptionCheck.Positive(InitStd, nameof(InitStd));
        OptionCheck.NonNegative(EntropyWeight, nameof(EntropyWeight));
        OptionCheck.Positive(EntropyTemperature, nameof(EntropyTemperature));
    }
}
