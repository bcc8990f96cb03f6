using UniCode.Torch.Interop;

namespace UniCode.Torch.NN;

/// <summary>
/// Stateless neural-network functions, as PyTorch's <c>torch.nn.functional</c>. The modules in this
/// namespace hold parameters and call these. Import with <c>using F = UniCode.Torch.NN.Functional;</c>.
/// </summary>
public static class Functional
{
    private static TensorHandle H(Tensor t, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(t))] string? name = null) => Tensor.H(t, name);

    private static TensorHandle Opt(Tensor? t) => Tensor.Optional(t);

    /// <summary>y = x W^T + b.</summary>
    /// <param name="input">[..., in].</param>
    /// <param name="weight">[out, in].</param>
    /// <param name="bias">[out] or null.</param>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null) =>
        Tensor.Wrap(Native.ut_linear(H(input), H(weight), Opt(bias)));

    /// <summary>
    /// softmax(q kᵀ · <paramref name="scale"/>, with the <paramref name="hidden"/> entries at −∞) v, with dropout on the
    /// attention weights in training: multi-head attention in one native call, computing what the composed ops
    /// (matmul, multiply, masked fill, softmax, dropout, matmul) compute, value for value, while holding one score matrix
    /// per call instead of three. A single query (T = 1, a decoding step) with keys under 1 MiB takes a multiply-and-sum
    /// instead of libtorch's loop of one tiny matrix product per head: the same values up to float rounding. A row whose
    /// keys are all hidden gives NaN, as softmax over −∞ does.
    /// </summary>
    /// <param name="query">(..., T, head_dim).</param>
    /// <param name="key">(..., S, head_dim).</param>
    /// <param name="value">(..., S, value_dim).</param>
    /// <param name="hidden">Bool, broadcast to (..., T, S): true where a query may not see a key (e.g. a causal mask).</param>
    /// <param name="scale">Multiplies the scores, usually 1 / sqrt(head_dim).</param>
    /// <param name="dropout">The drop probability on the weights, in [0, 1).</param>
    /// <param name="training">Whether to drop.</param>
    /// <returns>(..., T, value_dim).</returns>
    public static Tensor MaskedAttention(Tensor query, Tensor key, Tensor value, Tensor hidden, double scale, double dropout = 0, bool training = false)
    {
        if (dropout is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "dropout probability must be in [0, 1)");
        }

        ArgumentNullException.ThrowIfNull(hidden);
        if (hidden.DType != DType.Bool)
        {
            throw new ArgumentException($"the mask must be bool (true hides a key), not {hidden.DType}", nameof(hidden));
        }

        return Tensor.Wrap(Native.ut_masked_attention(H(query), H(key), H(value), H(hidden), scale, dropout, Tensor.B(training)));
    }

    /// <summary>2-D convolution of [N, C, H, W] with [out, C/groups, kh, kw].</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="weight">[out, C/groups, kh, kw].</param>
    /// <param name="bias">[out] or null.</param>
    /// <param name="stride">Step (same in both directions).</param>
    /// <param name="padding">Zero padding on every side.</param>
    /// <param name="dilation">Kernel dilation.</param>
    /// <param name="groups">Channel groups.</param>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long dilation = 1, long groups = 1) =>
        Tensor.Wrap(Native.ut_conv2d(H(input), H(weight), Opt(bias), [stride, stride], [padding, padding], [dilation, dilation], groups));

    /// <summary>Transposed 2-D convolution (the gradient of Conv2d; upsamples with stride &gt; 1).</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="weight">[C, out/groups, kh, kw].</param>
    /// <param name="bias">[out] or null.</param>
    /// <param name="stride">Step.</param>
    /// <param name="padding">Padding removed from the output.</param>
    /// <param name="outputPadding">Extra size added to one side of the output.</param>
    /// <param name="groups">Channel groups.</param>
    /// <param name="dilation">Kernel dilation.</param>
    public static Tensor ConvTranspose2d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long outputPadding = 0, long groups = 1, long dilation = 1) =>
        Tensor.Wrap(Native.ut_conv_transpose2d(H(input), H(weight), Opt(bias), [stride, stride], [padding, padding], [outputPadding, outputPadding], groups, [dilation, dilation]));

    /// <summary>Group normalisation over [N, C, ...] with C split into <paramref name="groups"/>.</summary>
    /// <param name="input">[N, C, ...].</param>
    /// <param name="groups">How many groups (divides C).</param>
    /// <param name="weight">[C] scale or null.</param>
    /// <param name="bias">[C] shift or null.</param>
    /// <param name="eps">Added to the variance.</param>
    public static Tensor GroupNorm(Tensor input, long groups, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
        Tensor.Wrap(Native.ut_group_norm(H(input), groups, Opt(weight), Opt(bias), eps));

    /// <summary>Layer normalisation over the trailing <paramref name="normalizedShape"/> dimensions.</summary>
    /// <param name="input">[..., *normalizedShape].</param>
    /// <param name="normalizedShape">The trailing dimensions to normalise.</param>
    /// <param name="weight">Scale or null.</param>
    /// <param name="bias">Shift or null.</param>
    /// <param name="eps">Added to the variance.</param>
    public static Tensor LayerNorm(Tensor input, long[] normalizedShape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(normalizedShape);
        return Tensor.Wrap(Native.ut_layer_norm(H(input), normalizedShape, normalizedShape.Length, Opt(weight), Opt(bias), eps));
    }

    /// <summary>Root-mean-square normalisation over the last dimension: x / sqrt(mean(x^2) + eps) * weight.</summary>
    /// <param name="input">[..., d].</param>
    /// <param name="weight">[d] scale or null.</param>
    /// <param name="eps">Added to the mean square.</param>
    public static Tensor RmsNorm(Tensor input, Tensor? weight = null, double eps = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = new DisposeScope();
        var normalised = input * input.Square().Mean(-1, keepDim: true).Add(eps).Rsqrt();
        var result = weight is null ? normalised : normalised * weight;
        return result.MoveToOuterScope();
    }

    /// <summary>Batch normalisation; updates the running statistics in training mode.</summary>
    /// <param name="input">[N, C, ...].</param>
    /// <param name="runningMean">[C] running mean or null.</param>
    /// <param name="runningVar">[C] running variance or null.</param>
    /// <param name="weight">[C] scale or null.</param>
    /// <param name="bias">[C] shift or null.</param>
    /// <param name="training">Use batch statistics (and update the running ones).</param>
    /// <param name="momentum">Running-statistics momentum.</param>
    /// <param name="eps">Added to the variance.</param>
    public static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null, Tensor? bias = null, bool training = false, double momentum = 0.1, double eps = 1e-5) =>
        Tensor.Wrap(Native.ut_batch_norm(H(input), Opt(weight), Opt(bias), Opt(runningMean), Opt(runningVar), Tensor.B(training), momentum, eps));

    /// <summary>Rows of <paramref name="weight"/> picked by <paramref name="indices"/>.</summary>
    /// <param name="indices">int64 ids, any shape.</param>
    /// <param name="weight">[num, dim].</param>
    /// <param name="paddingIdx">An id whose row gets no gradient (in [0, num)), or -1 for none.</param>
    public static Tensor Embedding(Tensor indices, Tensor weight, long paddingIdx = -1)
    {
        if (paddingIdx != -1)
        {
            ArgumentNullException.ThrowIfNull(weight);
            var rows = weight.Dim < 1 ? 0 : weight.Size(0);
            if (paddingIdx < 0 || paddingIdx >= rows)
            {
                throw new ArgumentOutOfRangeException(nameof(paddingIdx), paddingIdx,
                    $"paddingIdx must be -1 (none) or a row of the {rows}-row table, in [0, {rows})");
            }
        }

        return Tensor.Wrap(Native.ut_embedding(H(weight), H(indices), paddingIdx));
    }

    /// <summary>Zeroes elements with probability <paramref name="p"/> and scales the rest by 1/(1-p), in training only.</summary>
    /// <param name="input">Any tensor.</param>
    /// <param name="p">Drop probability.</param>
    /// <param name="training">Whether to drop (false: identity).</param>
    public static Tensor Dropout(Tensor input, double p = 0.5, bool training = true)
    {
        if (p is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be in [0, 1]");
        }

        return Tensor.Wrap(Native.ut_dropout(H(input), p, Tensor.B(training)));
    }

    /// <summary>Cross-entropy between logits and class targets (or class probabilities).</summary>
    /// <param name="logits">[N, C] or [N, C, d1, ...].</param>
    /// <param name="target">int64 classes [N] / [N, d1, ...], or probabilities shaped like the logits.</param>
    /// <param name="weight">[C] class weights or null.</param>
    /// <param name="reduction">How to reduce.</param>
    /// <param name="ignoreIndex">A target value that contributes nothing (the kit's IGNORE = -100).</param>
    /// <param name="labelSmoothing">Mass spread uniformly over the classes (0..1).</param>
    public static Tensor CrossEntropy(Tensor logits, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignoreIndex = -100, double labelSmoothing = 0) =>
        Tensor.Wrap(Native.ut_cross_entropy(H(logits), H(target), Opt(weight), (long)reduction, ignoreIndex, labelSmoothing));

    /// <summary>Negative log-likelihood of log-probabilities.</summary>
    /// <param name="logProbabilities">[N, C] or [N, C, d1, ...].</param>
    /// <param name="target">int64 classes.</param>
    /// <param name="weight">[C] class weights or null.</param>
    /// <param name="reduction">How to reduce.</param>
    /// <param name="ignoreIndex">A target value that contributes nothing.</param>
    public static Tensor NllLoss(Tensor logProbabilities, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignoreIndex = -100) =>
        Tensor.Wrap(Native.ut_nll_loss(H(logProbabilities), H(target), Opt(weight), (long)reduction, ignoreIndex));

    /// <summary>Mean squared error.</summary>
    /// <param name="input">Predictions.</param>
    /// <param name="target">Targets (broadcast).</param>
    /// <param name="reduction">How to reduce.</param>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        Tensor.Wrap(Native.ut_mse_loss(H(input), H(target), (long)reduction));

    /// <summary>Mean absolute error.</summary>
    /// <param name="input">Predictions.</param>
    /// <param name="target">Targets (broadcast).</param>
    /// <param name="reduction">How to reduce.</param>
    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        Tensor.Wrap(Native.ut_l1_loss(H(input), H(target), (long)reduction));

    /// <summary>Binary cross-entropy on logits (sigmoid and log computed stably together).</summary>
    /// <param name="logits">Any shape.</param>
    /// <param name="target">Probabilities in [0, 1], same shape.</param>
    /// <param name="weight">Per-element weights or null.</param>
    /// <param name="positiveWeight">Weight of positive examples per class, or null.</param>
    /// <param name="reduction">How to reduce.</param>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor target, Tensor? weight = null, Tensor? positiveWeight = null, Reduction reduction = Reduction.Mean) =>
        Tensor.Wrap(Native.ut_bce_with_logits(H(logits), H(target), Opt(weight), Opt(positiveWeight), (long)reduction));

    /// <summary>Pads the trailing dimensions; <paramref name="pads"/> is (left, right, top, bottom, ...) from the last dimension back.</summary>
    /// <param name="input">Any tensor.</param>
    /// <param name="pads">Pairs of before/after sizes, last dimension first.</param>
    /// <param name="mode">How to fill.</param>
    /// <param name="value">The fill value for <see cref="PaddingMode.Constant"/>.</param>
    public static Tensor Pad(Tensor input, long[] pads, PaddingMode mode = PaddingMode.Constant, double value = 0)
    {
        ArgumentNullException.ThrowIfNull(pads);
        var name = mode switch
        {
            PaddingMode.Constant => "constant",
            PaddingMode.Reflect => "reflect",
            PaddingMode.Replicate => "replicate",
            PaddingMode.Circular => "circular",
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown padding mode"),
        };
        return Tensor.Wrap(Native.ut_pad(H(input), pads, pads.Length, name, value));
    }

    /// <summary>Resamples [N, C, H, W] to <paramref name="height"/> x <paramref name="width"/>.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="height">Output height.</param>
    /// <param name="width">Output width.</param>
    /// <param name="mode">Nearest, bilinear or area.</param>
    public static Tensor Interpolate(Tensor input, long height, long width, InterpolationMode mode = InterpolationMode.Nearest) => mode switch
    {
        InterpolationMode.Nearest => Tensor.Wrap(Native.ut_upsample_nearest2d(H(input), height, width)),
        InterpolationMode.Bilinear => Tensor.Wrap(Native.ut_upsample_bilinear2d(H(input), height, width, 0)),
        InterpolationMode.Area => Tensor.Wrap(Native.ut_adaptive_avg_pool2d(H(input), height, width)),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown interpolation mode"),
    };

    /// <summary>Average pooling over [N, C, H, W] windows.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="kernel">Window size.</param>
    /// <param name="stride">Step (default: the kernel size).</param>
    /// <param name="padding">Zero padding.</param>
    public static Tensor AvgPool2d(Tensor input, long kernel, long? stride = null, long padding = 0)
    {
        var s = stride ?? kernel;
        return Tensor.Wrap(Native.ut_avg_pool2d(H(input), kernel, kernel, s, s, padding, padding));
    }

    /// <summary>Max pooling over [N, C, H, W] windows.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="kernel">Window size.</param>
    /// <param name="stride">Step (default: the kernel size).</param>
    /// <param name="padding">Padding (with -inf).</param>
    public static Tensor MaxPool2d(Tensor input, long kernel, long? stride = null, long padding = 0)
    {
        var s = stride ?? kernel;
        return Tensor.Wrap(Native.ut_max_pool2d(H(input), kernel, kernel, s, s, padding, padding));
    }

    /// <summary>Averages [N, C, H, W] down to an output size.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="height">Output height.</param>
    /// <param name="width">Output width.</param>
    public static Tensor AdaptiveAvgPool2d(Tensor input, long height, long width) =>
        Tensor.Wrap(Native.ut_adaptive_avg_pool2d(H(input), height, width));

    /// <summary>[N, C r^2, H, W] to [N, C, H r, W r].</summary>
    /// <param name="input">[N, C r^2, H, W].</param>
    /// <param name="factor">r.</param>
    public static Tensor PixelShuffle(Tensor input, long factor) => Tensor.Wrap(Native.ut_pixel_shuffle(H(input), factor));

    /// <summary>[N, C, H r, W r] to [N, C r^2, H, W].</summary>
    /// <param name="input">[N, C, H r, W r].</param>
    /// <param name="factor">r.</param>
    public static Tensor PixelUnshuffle(Tensor input, long factor) => Tensor.Wrap(Native.ut_pixel_unshuffle(H(input), factor));

    /// <summary>One-hot encoding of int64 classes.</summary>
    /// <param name="classes">int64 tensor.</param>
    /// <param name="numClasses">The number of classes (-1: max + 1).</param>
    public static Tensor OneHot(Tensor classes, long numClasses = -1) => Tensor.Wrap(Native.ut_one_hot(H(classes), numClasses));

    /// <summary>Softmax along <paramref name="dim"/>.</summary>
    /// <param name="input">Logits.</param>
    /// <param name="dim">The dimension.</param>
    public static Tensor Softmax(Tensor input, long dim) => Tensor.Wrap(Native.ut_softmax(H(input), dim));

    /// <summary>log(softmax) along <paramref name="dim"/>.</summary>
    /// <param name="input">Logits.</param>
    /// <param name="dim">The dimension.</param>
    public static Tensor LogSoftmax(Tensor input, long dim) => Tensor.Wrap(Native.ut_log_softmax(H(input), dim));
}
