using UniCode.Torch.NN;

namespace UniCode.Torch.Tests.Optim;

/// <summary>
/// A float64 parameter with the loss sum(c * p^2) / 2, whose gradient c * p changes with p: every step of
/// an optimizer can then be recomputed by hand in doubles.
/// </summary>
internal sealed class Quadratic : IDisposable
{
    public Quadratic(double[] initial, double[] curvature)
    {
        Initial = initial;
        Curvature = curvature;
        using var scope = new DisposeScope();
        Parameter = new Parameter(Tensor.From(initial));
    }

    public double[] Initial { get; }

    public double[] Curvature { get; }

    public Parameter Parameter { get; }

    /// <summary>Computes the gradient at the current value (backward of the loss).</summary>
    public void Backward()
    {
        using var scope = new DisposeScope();
        (Parameter.Square() * Tensor.From(Curvature)).Sum().Div(2).Backward();
    }

    public double[] Gradient(double[] p) => [.. p.Select((v, i) => Curvature[i] * v)];

    public void Dispose() => Parameter.Dispose();
}
