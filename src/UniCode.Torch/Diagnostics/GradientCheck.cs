namespace UniCode.Torch.Diagnostics;

/// <summary>The outcome of <see cref="GradientCheck.Run"/>.</summary>
/// <param name="Passed">True when every analytical gradient matched its finite-difference estimate.</param>
/// <param name="MaxAbsoluteError">The largest |analytical - numerical|.</param>
/// <param name="Report">Where the worst mismatch was.</param>
public sealed record GradientCheckResult(bool Passed, double MaxAbsoluteError, string Report);

/// <summary>
/// Compares autograd's gradients with central finite differences, as <c>torch.autograd.gradcheck</c>:
/// for a fixed random projection v of the output, d(sum(v * f(x)))/dx from backward must equal
/// (s(x + eps e_j) - s(x - eps e_j)) / 2 eps for every input element j. Use float64 inputs.
/// </summary>
public static class GradientCheck
{
    /// <summary>Checks the gradients of <paramref name="function"/> with respect to every input that requires grad.</summary>
    /// <param name="function">A deterministic function of the inputs.</param>
    /// <param name="inputs">float64 inputs; those with RequiresGrad are checked.</param>
    /// <param name="eps">The finite-difference step.</param>
    /// <param name="absoluteTolerance">Allowed absolute error.</param>
    /// <param name="relativeTolerance">Allowed error relative to the numerical gradient.</param>
    /// <param name="seed">Seed of the output projection.</param>
    public static GradientCheckResult Run(Func<Tensor[], Tensor> function, Tensor[] inputs, double eps = 1e-6,
        double absoluteTolerance = 1e-5, double relativeTolerance = 1e-3, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(inputs);
        using var scope = new DisposeScope();
        var checkedInputs = inputs.Where(i => i.RequiresGrad).ToArray();
        if (checkedInputs.Length == 0)
        {
            throw new ArgumentException("no input requires grad: nothing to check", nameof(inputs));
        }

        if (checkedInputs.Any(i => i.DType != DType.Float64))
        {
            throw new ArgumentException("gradient checks need float64 inputs (float32 finite differences are too noisy)", nameof(inputs));
        }

        var output = function(inputs);
        using var generator = new Generator(seed);
        var projection = Tensor.Randn(output.Shape, generator, DType.Float64);
        var analytical = Autograd.Grad([output.Mul(projection).Sum()], checkedInputs, allowUnused: true);

        double Projected()
        {
            using var inner = new DisposeScope();
            using var noGrad = Autograd.NoGrad();
            return function(inputs).Mul(projection).Sum().ToDouble();
        }

        var worst = 0.0;
        var report = "all gradients match";
        var passed = true;
        for (var k = 0; k < checkedInputs.Length; k++)
        {
            var input = checkedInputs[k];
            var values = input.Detach().Contiguous().ToArray<double>();
            var gradient = analytical[k]?.Contiguous().ToArray<double>() ?? new double[values.Length];
            var shape = input.Shape;
            for (var j = 0; j < values.Length; j++)
            {
                var original = values[j];
                values[j] = original + eps;
                Assign(input, values, shape);
                var plus = Projected();
                values[j] = original - eps;
                Assign(input, values, shape);
                var minus = Projected();
                values[j] = original;
                Assign(input, values, shape);

                var numerical = (plus - minus) / (2 * eps);
                var error = Math.Abs(gradient[j] - numerical);
                if (error > worst)
                {
                    worst = error;
                    report = $"input {k} element {j}: analytical {gradient[j]:G6}, numerical {numerical:G6}";
                }

                if (error > absoluteTolerance + (relativeTolerance * Math.Abs(numerical)))
                {
                    passed = false;
                }
            }
        }

        return new GradientCheckResult(passed, worst, report);
    }

    private static void Assign(Tensor input, double[] values, long[] shape)
    {
        using var scope = new DisposeScope();
        using var noGrad = Autograd.NoGrad();
        input.CopyFrom(Tensor.From<double>(values, shape));
    }
}
