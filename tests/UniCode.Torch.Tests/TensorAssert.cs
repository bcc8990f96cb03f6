using System.Globalization;
using UniCode.Torch.Diagnostics;

namespace UniCode.Torch.Tests;

/// <summary>Assertions on tensor values, with the element that differs in the message.</summary>
internal static class TensorAssert
{
    /// <summary>The values of any real tensor as float64, row-major.</summary>
    public static double[] Values(Tensor tensor)
    {
        using var scope = new DisposeScope();
        return tensor.Detach().To(DType.Float64).Contiguous().ToArray<double>();
    }

    /// <summary>Every element within <paramref name="tolerance"/> of <paramref name="expected"/>.</summary>
    public static void Close(IReadOnlyList<double> expected, Tensor actual, double tolerance = 1e-6)
    {
        var values = Values(actual);
        Assert.True(expected.Count == values.Length, $"expected {expected.Count} elements, got {values.Length}: {actual}");
        for (var i = 0; i < values.Length; i++)
        {
            if (!(Math.Abs(expected[i] - values[i]) <= tolerance))
            {
                Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                    $"element {i}: expected {expected[i]:R}, got {values[i]:R} (tolerance {tolerance}); expected [{string.Join(", ", expected)}], got {actual}"));
            }
        }
    }

    /// <summary>Same shape and every element within <paramref name="tolerance"/>.</summary>
    public static void Close(Tensor expected, Tensor actual, double tolerance = 1e-6)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        Close(Values(expected), actual, tolerance);
    }

    /// <summary>Exactly these values (any numeric dtype).</summary>
    public static void Equal(IReadOnlyList<double> expected, Tensor actual) => Close(expected, actual, 0);

    /// <summary>The shape and the dtype.</summary>
    public static void Is(long[] shape, DType dtype, Tensor actual)
    {
        Assert.Equal(shape, actual.Shape);
        Assert.Equal(dtype, actual.DType);
    }

    /// <summary>A gradient check that passed, with its report as the failure message.</summary>
    public static void Passes(GradientCheckResult result) =>
        Assert.True(result.Passed, $"gradient check failed: {result.Report} (max error {result.MaxAbsoluteError:G4})");
}
