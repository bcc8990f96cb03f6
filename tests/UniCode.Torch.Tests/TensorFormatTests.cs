namespace UniCode.Torch.Tests;

public sealed class TensorFormatTests
{
    [Fact]
    public void ToString_of_a_float64_vector_shows_the_values_and_the_dtype()
    {
        using var scope = new DisposeScope();
        Assert.Equal("tensor([ 1.0000,  2.5000, -3.0000], dtype=float64)", Tensor.From([1.0, 2.5, -3.0]).ToString());
        Assert.Equal("tensor([1., 2.], dtype=float64)", Tensor.From([1.0, 2.0]).ToString());
    }

    [Fact]
    public void ToString_omits_the_default_dtypes_as_PyTorch_does()
    {
        using var scope = new DisposeScope();
        Assert.Equal("tensor([0.5000, 1.0000])", Tensor.From([0.5f, 1f]).ToString());
        Assert.Equal("tensor([ 1, -2,  3])", Tensor.From([1L, -2L, 3L]).ToString());
        Assert.Equal("tensor([ True, False])", Tensor.From([true, false]).ToString());
        Assert.Equal("tensor([7, 8], dtype=uint8)", Tensor.From(new byte[] { 7, 8 }).ToString());
        Assert.Equal("tensor(3.)", Tensor.FromScalar(3.0).ToString());
        Assert.Equal("tensor([], size=[0, 2])", Tensor.Zeros(0, 2).ToString());
    }

    [Fact]
    public void ToString_lays_out_matrices_row_by_row()
    {
        using var scope = new DisposeScope();
        var text = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } }).ToString();
        Assert.Equal("tensor([[1., 2.],\n        [3., 4.]])", text);
    }

    [Fact]
    public void ToString_marks_gradients_summarises_large_tensors_and_survives_disposal()
    {
        using var scope = new DisposeScope();
        Assert.EndsWith(", requires_grad=True)", Tensor.Ones([2], requiresGrad: true).ToString(), StringComparison.Ordinal);
        Assert.Contains("1.0000e-05", Tensor.From([1e-5f, 1f]).ToString(), StringComparison.Ordinal);

        var large = Tensor.Arange(5000).ToString();
        Assert.StartsWith("tensor([   0,    1,    2, ..., 4997, 4998, 4999]", large, StringComparison.Ordinal);

        var t = Tensor.Ones(1);
        t.Dispose();
        Assert.Equal("tensor(<disposed>)", t.ToString());
    }
    [Fact]
    public void ToString_of_a_huge_view_reads_only_the_elements_it_shows()
    {
        using var scope = new DisposeScope();
        var huge = Tensor.Arange(0, 50_000_000, dtype: DType.Float32).View(5000, 10000).T; // a non-contiguous view
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var text = huge.ToString();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.StartsWith("tensor([[       0.,    10000.,    20000., ..., 49970000., 49980000., 49990000.],\n", text, StringComparison.Ordinal);
        Assert.EndsWith("[    9999.,    19999.,    29999., ..., 49980000., 49990000., 50000000.]])", text, StringComparison.Ordinal); // float32 rounds 49989999
        Assert.Contains("],\n        ...,\n        [", text, StringComparison.Ordinal);
        Assert.Equal(6 + 1, text.Split('\n').Length);
    }

    [Fact]
    public void A_summary_matches_the_layout_of_the_full_tensor_cut_by_hand()
    {
        using var scope = new DisposeScope();
        var text = Tensor.Arange(0, 2000).View(40, 50).ToString();
        Assert.StartsWith("tensor([[   0,    1,    2, ...,   47,   48,   49],\n        [  50,   51,   52, ...,   97,   98,   99],", text, StringComparison.Ordinal);
        Assert.EndsWith("[1950, 1951, 1952, ..., 1997, 1998, 1999]])", text, StringComparison.Ordinal);
    }
}
