using UniCode.Torch.NN;

namespace UniCode.Torch.Optim;

/// <summary>Gradient-norm clipping, as <c>torch.nn.utils.clip_grad_norm_</c>.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales every gradient by max_norm / (total_norm + 1e-6) when the total norm exceeds
    /// <paramref name="maxNorm"/>; returns the total norm before clipping.
    /// </summary>
    /// <param name="parameters">The parameters whose gradients are clipped.</param>
    /// <param name="maxNorm">The largest allowed norm.</param>
    /// <param name="normType">The p of the p-norm (2 by default).</param>
    public static double ClipGradNorm(IEnumerable<Parameter> parameters, double maxNorm, double normType = 2)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        OptionCheck.NonNegative(maxNorm, nameof(maxNorm));
        if (double.IsNaN(normType) || normType <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(normType), normType, "normType must be greater than 0 (infinity for the max norm)");
        }
        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        var grads = parameters.Select(p => p.Grad).OfType<Tensor>().ToList();
        if (grads.Count == 0)
        {
            return 0;
        }

        var norms = grads.Select(g => g.Norm(normType)).ToList();
        var total = Tensor.Stack(norms).Norm(normType).ToDouble();
        var coefficient = maxNorm / (total + 1e-6);
        if (coefficient < 1)
        {
            foreach (var grad in grads)
            {
                grad.MulInPlace(coefficient);
            }
        }

        return total;
    }
}
