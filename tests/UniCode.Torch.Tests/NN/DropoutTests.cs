using UniCode.Torch.NN;

namespace UniCode.Torch.Tests.NN;

public sealed class DropoutTests
{
    [Fact]
    public void Dropout_is_the_identity_in_evaluation_mode()
    {
        using var scope = new DisposeScope();
        using var dropout = new Dropout(0.5);
        var x = Tensor.Randn([1000], new Generator(1));
        dropout.Eval();
        Assert.True(dropout.Forward(x).Equal(x));

        dropout.Train();
        var dropped = dropout.Forward(x);
        Assert.False(dropped.Equal(x));
        var kept = (dropped.Ne(0)).Sum().ToInt64();
        Assert.InRange(kept, 400, 600);
        TensorAssert.Close((x * 2).MaskedFill(dropped.Eq(0), 0), dropped, 1e-6); // survivors scaled by 1/(1-p)
    }

    [Fact]
    public void Probability_must_lie_in_zero_to_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(1.1));
        Assert.Equal("Dropout(p=0.1)", new Dropout(0.1).ToString());
    }
}
