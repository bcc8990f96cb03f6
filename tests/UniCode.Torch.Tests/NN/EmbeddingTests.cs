using UniCode.Torch.NN;

namespace UniCode.Torch.Tests.NN;

public sealed class EmbeddingTests
{
    [Fact]
    public void Forward_picks_the_rows_of_the_ids()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(1);
        using var table = new Embedding(6, 3, generator: g);
        var ids = Tensor.FromArray(new long[,] { { 5, 0 }, { 2, 2 } });
        var rows = table.Forward(ids);
        Assert.Equal([2L, 2, 3], rows.Shape);
        Assert.True(rows[0, 0].Equal(table.Weight[5]));
        Assert.True(rows[1, 1].Equal(table.Weight[2]));
        Assert.InRange(table.Weight.Std().ToDouble(), 0.3, 2); // N(0, 1) initialisation
    }

    [Fact]
    public void The_padding_row_starts_at_zero_and_gets_no_gradient()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(2);
        using var table = new Embedding(5, 4, paddingIdx: 0, generator: g);
        TensorAssert.Equal([0, 0, 0, 0], table.Weight[0]);
        Assert.NotEqual(0.0, table.Weight[1].Abs().Sum().ToDouble());

        var ids = Tensor.From([0L, 3L, 0L, 3L]);
        var output = table.Forward(ids);
        TensorAssert.Equal([0, 0, 0, 0], output[0]);
        output.Sum().Backward();
        var grad = table.Weight.Grad!;
        TensorAssert.Equal([0, 0, 0, 0], grad[0]); // used twice, but the padding row is not trained
        TensorAssert.Equal([2, 2, 2, 2], grad[3]);
        TensorAssert.Equal([0, 0, 0, 0], grad[1]);
    }

    [Fact]
    public void Out_of_range_settings_and_ids_are_rejected()
    {
        using var scope = new DisposeScope();
        Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding(5, 4, paddingIdx: 5));
        using var table = new Embedding(5, 4);
        Assert.Throws<TorchException>(() => table.Forward(Tensor.From([5L])));
        Assert.Throws<TorchException>(() => table.Forward(Tensor.From([1f])));
    }
    [Theory]
    [InlineData(10)]
    [InlineData(1000)]
    [InlineData(-2)]
    public void Functional_embedding_rejects_a_padding_index_outside_the_table(long paddingIdx)
    {
        using var scope = new DisposeScope();
        var weight = Tensor.Randn([10, 4], requiresGrad: true);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Functional.Embedding(Tensor.From([1L, 2L]), weight, paddingIdx));
        Assert.Equal("paddingIdx", error.ParamName);
        Assert.Contains("[0, 10)", error.Message, StringComparison.Ordinal);
        Functional.Embedding(Tensor.From([1L, 9L]), weight, 9).Sum().Backward(); // the last row is a valid padding index
    }
}
