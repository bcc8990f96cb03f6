using UniCode.Torch;
using UniCode.Torch.NN;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Kit.Vision.Quantization;

/// <summary>
/// Q(z; C) of paper Eq. 1: each feature vector goes to its nearest code by squared distance, found with one matrix
/// product (||z||² − 2 z Cᵀ + ||C||²); the straight-through estimator carries the decoder's gradient to the encoder;
/// the commitment loss β ||z − sg(e)||² keeps the encoder near its codes. The codebook is an EMA of the features
/// assigned to each code (paper Eq. 2) with Laplace-smoothed counts and dead-code restarts, or a trained parameter.
/// </summary>
/// <remarks>
/// Stacked tokenizers quantize several layers with one shared codebook: they call <see cref="Quantize"/> per layer
/// and <see cref="Update"/> once per step with every layer's assignments, so that the EMA sees each step once
/// (updating it per depth is a known source of wrong results). <see cref="Forward"/> does both for one layer.
/// The codebook paradigms of paper §3.2 drive a quantizer through <see cref="Frozen"/>, <see cref="SetCodebook"/>
/// and <see cref="BlendToward"/>.
/// </remarks>
public sealed class VectorQuantizer : Module<Tensor, QuantizerOutput>
{
    private readonly Tensor? emaCodebook;
    private readonly Parameter? trainedCodebook;
    private readonly Tensor clusterSize;
    private readonly Tensor embedSum;
    private readonly Tensor unusedSteps;
    private readonly Tensor initialized;
    private readonly Generator? generator;
    private bool frozen;

    /// <summary>Creates the quantizer.</summary>
    /// <param name="options">Its features (validated).</param>
    /// <param name="generator">Seeds the initial codes and the restarts (default: libtorch's default generator).</param>
    public VectorQuantizer(VectorQuantizerOptions? options = null, Generator? generator = null)
    {
        Options = options ?? new VectorQuantizerOptions();
        Options.Validate();
        this.generator = generator;
        long k = Options.CodebookSize, n = Options.Dim;
        using (var scope = new DisposeScope())
        {
            var initial = Tensor.Randn([k, n], generator) * Options.InitStd;
            if (Options.Cosine)
            {
                initial = Normalize(initial);
            }

            if (Options.Ema)
            {
                emaCodebook = initial.Detach().MoveToOuterScope();
            }
            else
            {
                trainedCodebook = new Parameter(initial);
            }

            clusterSize = Tensor.Ones(k).MoveToOuterScope();
            // A copy: the moments must never share storage with the codebook.
            embedSum = initial.Clone().MoveToOuterScope();
            unusedSteps = Tensor.Zeros(k).MoveToOuterScope();
            initialized = Tensor.Zeros(1).MoveToOuterScope();
        }

        if (emaCodebook is not null)
        {
            RegisterBuffer("codebook", emaCodebook);
        }
        else
        {
            RegisterParameter("codebook", trainedCodebook!);
        }

        RegisterBuffer("cluster_size", clusterSize);
        RegisterBuffer("embed_sum", embedSum);
        RegisterBuffer("unused_steps", unusedSteps);
        RegisterBuffer("initialized", initialized);
    }

    /// <summary>The quantizer's features.</summary>
    public VectorQuantizerOptions Options { get; }

    /// <summary>C, the codebook [K, n]. It is the module's own tensor: read it, do not dispose it.</summary>
    public Tensor Codebook => emaCodebook ?? trainedCodebook!;

    /// <summary>K.</summary>
    public int CodebookSize => Options.CodebookSize;

    /// <summary>n.</summary>
    public int Dim => Options.Dim;

    /// <summary>
    /// When true the codebook never changes: no EMA, no restarts, no data initialisation, no gradient (the
    /// <c>Frozen</c> paradigm of paper §3.2).
    /// </summary>
    public bool Frozen
    {
        get => frozen;
        set
        {
            frozen = value;
            trainedCodebook?.RequiresGradInPlace(!value);
        }
    }

    /// <summary>The generator of the data initialisation and the restarts (null: libtorch's default generator). Its
    /// state belongs in a checkpoint.</summary>
    public Generator? Generator => generator;

    /// <summary>How many steps each code has gone unassigned: [K].</summary>
    public Tensor UnusedSteps => unusedSteps;

    /// <summary>M = Q(z; C) for flattened features (Eq. 1).</summary>
    /// <param name="flat">[N, n] features.</param>
    /// <returns>[N] int64 code ids.</returns>
    public Tensor NearestCodes(Tensor flat)
    {
        ArgumentNullException.ThrowIfNull(flat);
        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        var z = Options.Cosine ? Normalize(flat) : flat;
        var codebook = Codebook.Detach().Clone();
        // ||z||² − 2 z Cᵀ + ||C||²: (N, K). ||z||² does not change the argmin but keeps this the distance of Eq. 1.
        var distances = z.Square().Sum(1, keepDim: true) - (2 * z.Mm(codebook.T)) + codebook.Square().Sum(1).Unsqueeze(0);
        return distances.ArgMin(1).MoveToOuterScope();
    }

    /// <summary>M = Q(Z0; C) for a feature map (Eq. 1 at every cell).</summary>
    /// <param name="features">[B, n, h, w].</param>
    /// <returns>[B, h, w] int64 code ids.</returns>
    public Tensor NearestCodeMap(Tensor features)
    {
        CheckFeatures(features);
        using var scope = new DisposeScope();
        var shape = features.Shape; // (B, n, h, w)
        var flat = features.Permute(0, 2, 3, 1).Reshape(-1, shape[1]); // (B·h·w, n)
        return NearestCodes(flat).View(shape[0], shape[2], shape[3]).MoveToOuterScope(); // (B, h, w)
    }

    /// <summary>e(M): the codes' embeddings.</summary>
    /// <param name="codes">int64 ids of any shape S.</param>
    /// <returns>[S..., n].</returns>
    public Tensor Embed(Tensor codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        CheckIds(codes);
        return F.Embedding(codes, Codebook);
    }

    /// <summary>e(M) as a feature map: [B, h, w] ids to [B, n, h, w].</summary>
    /// <param name="codes">[B, h, w] int64 ids.</param>
    public Tensor EmbedMap(Tensor codes)
    {
        using var scope = new DisposeScope();
        return Embed(codes).Permute(0, 3, 1, 2).Contiguous().MoveToOuterScope(); // (B, n, h, w)
    }

    /// <summary>Quantizes one feature map without touching the codebook.</summary>
    /// <param name="features">Z0 [B, n, h, w].</param>
    public QuantizerOutput Quantize(Tensor features)
    {
        CheckFeatures(features);
        using var scope = new DisposeScope();
        if (Training)
        {
            EnsureInitialized(features);
        }

        var codes = NearestCodeMap(features); // (B, h, w)
        var embedded = EmbedMap(codes); // (B, n, h, w)
        var target = Options.Cosine ? NormalizeChannels(features) : features;
        var commitment = F.MseLoss(target, embedded.Detach()) * Options.Commitment;
        var codebookLoss = Options.Ema ? Tensor.Zeros([]) : F.MseLoss(embedded, target.Detach());
        var entropy = Training && Options.EntropyWeight > 0 ? EntropyLoss(target) * Options.EntropyWeight : Tensor.Zeros([]);
        // Straight-through: the value of e(M), the gradient of z.
        var quantized = target + (embedded - target).Detach();
        return new QuantizerOutput(
            quantized.MoveToOuterScope(), codes.MoveToOuterScope(), commitment.MoveToOuterScope(), codebookLoss.MoveToOuterScope(),
            entropy.MoveToOuterScope());
    }

    /// <summary>
    /// mean_i H(p_i) − H(p̄) of the soft assignments p_i = softmax(−||z_i − e_k||² / τ) (gradient to the features
    /// only): low when each feature is sure of its code and the batch spreads over many codes.
    /// </summary>
    /// <param name="features">[B, n, h, w] (already normalised under <see cref="VectorQuantizerOptions.Cosine"/>).</param>
    private Tensor EntropyLoss(Tensor features)
    {
        var n = features.Shape[1];
        var z = features.Permute(0, 2, 3, 1).Reshape(-1, n); // (N, n)
        // A copy, not a view: the EMA update writes the codebook in place before the backward pass reads it.
        var codebook = Codebook.Detach().Clone();
        var distances = z.Square().Sum(1, keepDim: true) - (2 * z.Mm(codebook.T)) + codebook.Square().Sum(1).Unsqueeze(0); // (N, K)
        var logP = F.LogSoftmax(distances * (-1.0 / Options.EntropyTemperature), 1); // (N, K)
        var p = logP.Exp();
        var perFeature = -(p * logP).Sum(1).Mean();
        var mean = p.Mean([0]); // (K)
        var ofBatch = -(mean * (mean + 1e-10).Log()).Sum();
        return perFeature - ofBatch;
    }

    /// <summary>Quantizes one feature map and, in training mode, updates the codebook from it.</summary>
    /// <param name="input">Z0 [B, n, h, w].</param>
    public override QuantizerOutput Forward(Tensor input)
    {
        var output = Quantize(input);
        if (Training)
        {
            Update([new CodeAssignment(input, output.Codes)]);
        }

        return output;
    }

    /// <summary>
    /// One EMA step of the codebook over every layer quantized in this training step (paper Eq. 2, as the
    /// moving averages of VQ-VAE-2: N ← λN + (1−λ)n, m ← λm + (1−λ)Σz, e = m / smooth(N)), then restarts the codes
    /// unused for <see cref="VectorQuantizerOptions.DeadCodeSteps"/> steps from this step's features.
    /// Does nothing when <see cref="Frozen"/>; for a trained codebook only the restarts apply.
    /// </summary>
    /// <param name="assignments">Each layer's features [B, n, h, w] and code map [B, h, w].</param>
    public void Update(IReadOnlyList<CodeAssignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        if (frozen || assignments.Count == 0)
        {
            return;
        }

        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        var flat = Tensor.Cat([.. assignments.Select(a => Flatten(a.Features))]); // (N, n)
        var ids = Tensor.Cat([.. assignments.Select(a => a.Codes.Flatten())]); // (N)
        var counts = ids.Bincount(CodebookSize).Float(); // (K)
        if (Options.Ema)
        {
            var sums = Tensor.Zeros([CodebookSize, Dim]).IndexAdd(0, ids, flat); // (K, n)
            var keep = Options.Decay;
            clusterSize.MulInPlace(keep).AddInPlace(counts, 1 - keep);
            embedSum.MulInPlace(keep).AddInPlace(sums, 1 - keep);
            emaCodebook!.CopyFrom(CodesFromMoments());
        }

        unusedSteps.CopyFrom(Tensor.Where(counts > 0, unusedSteps.ZerosLike(), unusedSteps + 1));
        if (Options.DeadCodeSteps > 0)
        {
            RestartDeadCodes(flat);
        }
    }

    /// <summary>Replaces the codebook with <paramref name="codes"/> (the copy of the <c>Dual</c> and <c>Frozen</c>
    /// paradigms) and makes the EMA moments agree with it, so that the next update starts from these codes.</summary>
    /// <param name="codes">[K, n].</param>
    public void SetCodebook(Tensor codes)
    {
        CheckCodebook(codes, nameof(codes));
        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        Replace(codes, syncMoments: true);
    }

    /// <summary>Paper Eq. 3: C ← λC + (1 − λ) <paramref name="target"/> (with the EMA moments kept consistent).</summary>
    /// <param name="target">C_L, in the tokenizer's scale: [K, n].</param>
    /// <param name="lambda">λ in [0, 1]: 1 keeps C, 0 replaces it by the target.</param>
    public void BlendToward(Tensor target, double lambda)
    {
        CheckCodebook(target, nameof(target));
        OptionCheck.InRange(lambda, 0, 1, nameof(lambda));
        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        Replace((Codebook * lambda) + (target * (1 - lambda)), syncMoments: true);
    }

    /// <summary>
    /// C = (1 − α) C_EMA + α <paramref name="target"/>, where C_EMA is the codebook the EMA moments give (paper Eq. 2).
    /// Unlike <see cref="BlendToward"/> the moments are left alone, so applying it every step with a rising α is a
    /// ramp from the EMA codebook to the target, not a compounding pull (the converging schedule of Iterative).
    /// </summary>
    /// <param name="target">C_L in the tokenizer's scale: [K, n].</param>
    /// <param name="alpha">The target's share, in [0, 1].</param>
    public void MixToward(Tensor target, double alpha)
    {
        CheckCodebook(target, nameof(target));
        OptionCheck.InRange(alpha, 0, 1, nameof(alpha));
        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        Replace((CodesFromMoments() * (1 - alpha)) + (target * alpha), syncMoments: false);
    }

    /// <inheritdoc/>
    protected override string ExtraRepresentation() =>
        $"K={CodebookSize}, n={Dim}, beta={Options.Commitment}" + (Options.Ema ? $", ema decay={Options.Decay}" : ", trained") +
        (Options.Cosine ? ", cosine" : string.Empty);

    // Writes the codebook (on the unit sphere for a cosine codebook); with syncMoments the EMA moments are set to
    // agree with it, so that the next EMA update continues from these codes rather than from the old estimate.
    private void Replace(Tensor codes, bool syncMoments)
    {
        Codebook.CopyFrom(Options.Cosine ? Normalize(codes) : codes);
        if (syncMoments)
        {
            SyncMoments();
        }

        initialized.FillInPlace(1);
    }

    private Tensor CodesFromMoments()
    {
        // Laplace smoothing: (N_k + ε) / (ΣN + Kε) · ΣN keeps every count positive without changing the total.
        var total = clusterSize.Sum();
        var smoothed = (clusterSize + Options.Epsilon) / (total + (CodebookSize * Options.Epsilon)) * total;
        var codes = embedSum / smoothed.Unsqueeze(1);
        return Options.Cosine ? Normalize(codes) : codes;
    }

    private void SyncMoments()
    {
        var total = clusterSize.Sum();
        var smoothed = (clusterSize + Options.Epsilon) / (total + (CodebookSize * Options.Epsilon)) * total;
        embedSum.CopyFrom(Codebook.Detach() * smoothed.Unsqueeze(1));
    }

    /// <summary>
    /// With <see cref="VectorQuantizerOptions.InitFromData"/>, the first call (on a quantizer neither frozen nor
    /// initialised) sets the codes to a random sample of these features; later calls do nothing.
    /// <see cref="Quantize"/> calls it in training mode; a stacked tokenizer calls it first with every layer's features.
    /// </summary>
    /// <param name="features">Feature maps [B, n, h, w] to sample from.</param>
    public void EnsureInitialized(params Tensor[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (frozen || !Options.InitFromData || features.Length == 0 || initialized.Item<float>() != 0)
        {
            return;
        }

        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        var flat = Tensor.Cat([.. features.Select(Flatten)]); // (N, n)
        var picks = Tensor.RandInt(0, flat.Shape[0], [CodebookSize], generator);
        var codes = flat.IndexSelect(0, picks);
        Codebook.CopyFrom(Options.Cosine ? Normalize(codes) : codes);
        clusterSize.FillInPlace(1);
        embedSum.CopyFrom(Codebook.Detach());
        initialized.FillInPlace(1);
    }

    private void RestartDeadCodes(Tensor flat)
    {
        var dead = (unusedSteps >= Options.DeadCodeSteps).Nonzero().Flatten(); // (D)
        var count = dead.Shape[0];
        if (count == 0)
        {
            return;
        }

        var picks = Tensor.RandInt(0, flat.Shape[0], [count], generator);
        var fresh = flat.IndexSelect(0, picks);
        if (Options.Cosine)
        {
            fresh = Normalize(fresh);
        }

        Codebook.IndexCopyInPlace(0, dead, fresh);
        if (Options.Ema)
        {
            clusterSize.IndexCopyInPlace(0, dead, Tensor.Ones(count));
            embedSum.IndexCopyInPlace(0, dead, fresh);
        }

        unusedSteps.IndexCopyInPlace(0, dead, Tensor.Zeros(count));
    }

    private Tensor Flatten(Tensor features)
    {
        CheckFeatures(features);
        var z = features.Detach().Permute(0, 2, 3, 1).Reshape(-1, Dim); // (B*h*w, n)
        return Options.Cosine ? Normalize(z) : z;
    }

    private static Tensor Normalize(Tensor rows) => rows / rows.Norm(2, [1], keepDim: true).Clamp(min: 1e-12);

    private static Tensor NormalizeChannels(Tensor map) => map / map.Norm(2, [1], keepDim: true).Clamp(min: 1e-12);

    private void CheckFeatures(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var shape = features.Shape;
        if (shape.Length != 4 || shape[1] != Dim)
        {
            throw new ArgumentException($"the quantizer expects features [B, {Dim}, h, w], not [{string.Join(", ", shape)}]", nameof(features));
        }
    }

    private void CheckCodebook(Tensor codes, string name)
    {
        ArgumentNullException.ThrowIfNull(codes, name);
        var shape = codes.Shape;
        if (shape.Length != 2 || shape[0] != CodebookSize || shape[1] != Dim)
        {
            throw new ArgumentException($"a codebook for this quantizer is [{CodebookSize}, {Dim}], not [{string.Join(", ", shape)}]", name);
        }
    }

    private void CheckIds(Tensor codes)
    {
        if (codes.DType != DType.Int64)
        {
            throw new ArgumentException($"code ids must be int64, not {codes.DType}", nameof(codes));
        }

        using var scope = new DisposeScope();
        if (codes.NumElements > 0 && (codes.Min().Item<long>() < 0 || codes.Max().Item<long>() >= CodebookSize))
        {
            throw new ArgumentOutOfRangeException(nameof(codes), $"code ids must be in [0, {CodebookSize})");
        }
    }
}
