using UniCode.Torch.NN;

namespace UniCode.Torch.Tests;

public sealed class FiniteGuardTests
{
    [Fact]
    public void AllFinite_checks_every_element_of_every_tensor_in_one_call()
    {
        using var scope = new DisposeScope();
        Assert.True(Tensor.AllFinite([Tensor.Ones(3), Tensor.Zeros(2, 2), Tensor.From([1L, 2L])]));
        Assert.False(Tensor.AllFinite([Tensor.Ones(3), Tensor.From([1f, float.NaN])]));
        Assert.False(Tensor.From([double.NegativeInfinity]).AllFinite());
        Assert.True(Tensor.AllFinite([]));
    }

    [Fact]
    public void A_guard_accumulates_losses_and_gradients_and_resets_per_step()
    {
        using var scope = new DisposeScope();
        using var guard = new FiniteGuard();
        using var model = new Linear(3, 2);
        var loss = model.Forward(Tensor.Ones(4, 3)).Square().Mean();
        guard.Add(loss);
        loss.Backward();
        guard.AddGradients(model.Parameters());
        Assert.True(guard.CheckAndReset());

        var bad = model.Forward(Tensor.From([1f, float.PositiveInfinity, 0f]).View(1, 3)).Sum();
        guard.Add(bad);
        bad.Backward();
        guard.AddGradients(model.Parameters());
        Assert.False(guard.AllFinite);
        Assert.False(guard.CheckAndReset());
        Assert.True(guard.AllFinite); // reset

        guard.Add(Tensor.Ones(2));
        model.Weight.Grad = Tensor.Full([2, 3], double.NaN);
        guard.AddGradients(model.Parameters());
        Assert.False(guard.AllFinite);
    }

    [Fact]
    public void A_guard_with_nothing_added_is_finite_and_a_disposed_one_refuses_use()
    {
        var guard = new FiniteGuard();
        Assert.True(guard.AllFinite);
        guard.Dispose();
        Assert.Throws<ObjectDisposedException>(() => guard.AllFinite);
        using var t = Tensor.Ones(1);
        Assert.Throws<ObjectDisposedException>(() => guard.Add(t));
    }
}
