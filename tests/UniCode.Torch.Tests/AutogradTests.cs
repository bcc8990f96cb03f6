namespace UniCode.Torch.Tests;

public sealed class AutogradTests
{
    [Fact]
    public void Backward_accumulates_the_gradient_of_a_scalar_into_the_leaves()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([1.0, -2.0, 3.0]).RequiresGradInPlace();
        Assert.True(x.RequiresGrad);
        Assert.True(x.IsLeaf);
        Assert.Null(x.Grad);

        var y = (x * x).Sum();
        Assert.True(y.RequiresGrad);
        Assert.False(y.IsLeaf);
        y.Backward();
        TensorAssert.Equal([2, -4, 6], x.Grad!);
    }

    [Fact]
    public void Backward_of_a_vector_takes_the_gradient_of_its_output()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([1.0, 2.0, 3.0]).RequiresGradInPlace();
        var y = x * x * 3; // dy/dx = 6x
        y.Backward(Tensor.From([1.0, 0.5, -1.0]));
        TensorAssert.Equal([6, 6, -18], x.Grad!);

        // A non-scalar output needs the gradient argument.
        var z = x * 2;
        Assert.Throws<TorchException>(() => z.Backward());
    }

    [Fact]
    public void Retaining_the_graph_allows_a_second_pass_that_accumulates()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([2.0]).RequiresGradInPlace();
        var y = x.Pow(3).Sum(); // dy/dx = 3 x^2 = 12
        y.Backward(retainGraph: true);
        TensorAssert.Equal([12], x.Grad!);
        y.Backward();
        TensorAssert.Equal([24], x.Grad!);

        // Without retaining, the graph is freed and a second pass fails with libtorch's message.
        var w = x.Pow(3).Sum();
        w.Backward();
        var error = Assert.Throws<TorchException>(() => w.Backward());
        Assert.Contains("second time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grad_can_be_cleared_and_set()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([1.0, 1.0]).RequiresGradInPlace();
        (x * 5).Sum().Backward();
        TensorAssert.Equal([5, 5], x.Grad!);

        x.Grad = null;
        Assert.Null(x.Grad);
        (x * 5).Sum().Backward();
        TensorAssert.Equal([5, 5], x.Grad!); // starts again from zero

        x.Grad = Tensor.From([100.0, 200.0]);
        (x * 1).Sum().Backward();
        TensorAssert.Equal([101, 201], x.Grad!);
    }

    [Fact]
    public void Non_leaf_gradients_are_kept_only_when_retained()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([3.0]).RequiresGradInPlace();
        var hidden = x * 2;
        hidden.RetainGrad();
        var other = x * 4;
        (hidden * hidden + other).Sum().Backward();
        TensorAssert.Equal([12], hidden.Grad!); // d(h^2)/dh = 2h = 12
        TensorAssert.Equal([28], x.Grad!); // 2h * 2 + 4
        Assert.Null(other.Grad);
    }

    [Fact]
    public void Detach_cuts_the_graph_and_shares_the_data()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([1.0, 2.0]).RequiresGradInPlace();
        var d = x.Detach();
        Assert.False(d.RequiresGrad);
        (x * d).Sum().Backward();
        TensorAssert.Equal([1, 2], x.Grad!); // d is a constant
        using (Autograd.NoGrad())
        {
            d.MulInPlace(10);
        }

        TensorAssert.Equal([10, 20], x); // same storage
    }

    [Fact]
    public void NoGrad_stops_recording_and_restores_the_previous_mode()
    {
        using var scope = new DisposeScope();
        var x = Tensor.Ones([2], requiresGrad: true);
        Assert.True(Autograd.IsGradEnabled);
        using (Autograd.NoGrad())
        {
            Assert.False(Autograd.IsGradEnabled);
            var y = x * 2;
            Assert.False(y.RequiresGrad);
            using (Autograd.EnableGrad())
            {
                Assert.True(Autograd.IsGradEnabled);
                Assert.True((x * 2).RequiresGrad);
            }

            Assert.False(Autograd.IsGradEnabled);
            using (Autograd.NoGrad())
            {
                Assert.False(Autograd.IsGradEnabled);
            }

            Assert.False(Autograd.IsGradEnabled);
        }

        Assert.True(Autograd.IsGradEnabled);
        Assert.True((x * 2).RequiresGrad);
    }

    [Fact]
    public void NoGrad_scope_must_close_on_its_own_thread()
    {
        var scope = Autograd.NoGrad();
        try
        {
            Exception? error = null;
            var thread = new Thread(() => error = Record.Exception(scope.Dispose));
            thread.Start();
            thread.Join();
            Assert.IsType<InvalidOperationException>(error);
        }
        finally
        {
            scope.Dispose();
        }

        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void Autograd_Grad_returns_gradients_without_touching_Grad()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([2.0, 3.0]).RequiresGradInPlace();
        var y = Tensor.From([5.0, 7.0]).RequiresGradInPlace();
        var z = (x * y).Sum();
        var grads = Autograd.Grad([z], [x, y]);
        TensorAssert.Equal([5, 7], grads[0]!);
        TensorAssert.Equal([2, 3], grads[1]!);
        Assert.Null(x.Grad);
        Assert.Null(y.Grad);
    }

    [Fact]
    public void Autograd_Grad_takes_output_gradients_and_builds_higher_order_graphs()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([1.0, 2.0]).RequiresGradInPlace();
        var y = x.Pow(3);
        var first = Autograd.Grad([y], [x], [Tensor.From([1.0, 1.0])], createGraph: true)[0]!;
        TensorAssert.Equal([3, 12], first); // 3 x^2
        var second = Autograd.Grad([first.Sum()], [x])[0]!;
        TensorAssert.Equal([6, 12], second); // 6 x
    }

    [Fact]
    public void Autograd_Grad_reports_unused_inputs_as_null_only_when_allowed()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([1.0]).RequiresGradInPlace();
        var unused = Tensor.From([1.0]).RequiresGradInPlace();
        var z = (x * 4).Sum();
        var grads = Autograd.Grad([z], [x, unused], retainGraph: true, allowUnused: true);
        TensorAssert.Equal([4], grads[0]!);
        Assert.Null(grads[1]);

        var error = Assert.Throws<TorchException>(() => Autograd.Grad([z], [x, unused]));
        Assert.Contains("not have been used", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Straight_through_estimator_passes_the_gradient_unchanged()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([0.2, 1.7, -0.6]).RequiresGradInPlace();
        var q = x.Round(); // no useful gradient of its own
        var st = x + (q - x).Detach();
        TensorAssert.Equal([0, 2, -1], st); // the forward value is q
        (st * Tensor.From([1.0, 2.0, 3.0])).Sum().Backward();
        TensorAssert.Equal([1, 2, 3], x.Grad!); // the backward is the identity
    }
}
