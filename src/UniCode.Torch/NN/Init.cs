namespace UniCode.Torch.NN;

/// <summary>Parameter initialisers (in place, outside autograd), as <c>torch.nn.init</c>.</summary>
public static class Init
{
    /// <summary>U(-bound, bound) with bound = gain * sqrt(3 / fan_in): PyTorch's default for Linear and Conv (a = sqrt 5).</summary>
    /// <param name="tensor">The weight.</param>
    /// <param name="fanIn">Inputs per output unit.</param>
    /// <param name="a">The negative slope assumed by the gain (sqrt 5 gives bound = 1/sqrt(fan_in)).</param>
    /// <param name="generator">A seeded generator, or null for the global one.</param>
    public static Tensor KaimingUniform(Tensor tensor, long fanIn, double a = 2.2360679774997896964, Generator? generator = null)
    {
        var gain = Math.Sqrt(2.0 / (1 + (a * a)));
        var bound = gain * Math.Sqrt(3.0 / Math.Max(1, fanIn));
        return Uniform(tensor, -bound, bound, generator);
    }

    /// <summary>U(-bound, bound) with bound = gain * sqrt(6 / (fan_in + fan_out)).</summary>
    /// <param name="tensor">The weight.</param>
    /// <param name="fanIn">Inputs per unit.</param>
    /// <param name="fanOut">Outputs per unit.</param>
    /// <param name="gain">The gain.</param>
    /// <param name="generator">A seeded generator, or null for the global one.</param>
    public static Tensor XavierUniform(Tensor tensor, long fanIn, long fanOut, double gain = 1, Generator? generator = null)
    {
        var bound = gain * Math.Sqrt(6.0 / Math.Max(1, fanIn + fanOut));
        return Uniform(tensor, -bound, bound, generator);
    }

    /// <summary>Fills with U(from, to).</summary>
    /// <param name="tensor">The tensor.</param>
    /// <param name="from">Lower bound.</param>
    /// <param name="to">Upper bound.</param>
    /// <param name="generator">A seeded generator, or null for the global one.</param>
    public static Tensor Uniform(Tensor tensor, double from, double to, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var noGrad = Autograd.NoGrad();
        return tensor.UniformInPlace(from, to, generator);
    }

    /// <summary>Fills with N(mean, std^2).</summary>
    /// <param name="tensor">The tensor.</param>
    /// <param name="mean">The mean.</param>
    /// <param name="std">The standard deviation.</param>
    /// <param name="generator">A seeded generator, or null for the global one.</param>
    public static Tensor Normal(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var noGrad = Autograd.NoGrad();
        return tensor.NormalInPlace(mean, std, generator);
    }

    /// <summary>Fills with a constant.</summary>
    /// <param name="tensor">The tensor.</param>
    /// <param name="value">The value.</param>
    public static Tensor Constant(Tensor tensor, double value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var noGrad = Autograd.NoGrad();
        return tensor.FillInPlace(value);
    }
}
