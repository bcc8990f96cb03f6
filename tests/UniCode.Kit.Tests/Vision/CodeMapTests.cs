using UniCode.Kit.Vision;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Vision;

public sealed class CodeMapTests
{
    [Fact]
    public void Hq_flattening_puts_each_top_code_before_its_four_bottom_codes()
    {
        using var scope = new DisposeScope();
        // top 2x2 ids 100..103; bottom 4x4 ids 0..15 row-major.
        var top = Tensor.Arange(100, 104, dtype: DType.Int64).Reshape(1, 2, 2);
        var bottom = Tensor.Arange(0, 16, dtype: DType.Int64).Reshape(1, 4, 4);
        using var map = new CodeMap([new CodeLayer("top", top, 1), new CodeLayer("bottom", bottom, 2)]);
        var flat = map.Flatten().ToArray<long>();
        Assert.Equal(new long[] { 100, 0, 1, 4, 5, 101, 2, 3, 6, 7, 102, 8, 9, 12, 13, 103, 10, 11, 14, 15 }, flat);
    }

    [Fact]
    public void Rq_flattening_gives_each_cells_depths_in_order()
    {
        using var scope = new DisposeScope();
        var layers = Enumerable.Range(0, 3).Select(d => new CodeLayer($"depth{d + 1}", (Tensor.Arange(0, 4, dtype: DType.Int64) + (10 * d)).Reshape(1, 2, 2), 1)).ToList();
        using var map = new CodeMap(layers);
        Assert.Equal(new long[] { 0, 10, 20, 1, 11, 21, 2, 12, 22, 3, 13, 23 }, map.Flatten().ToArray<long>());
    }

    [Fact]
    public void Unflatten_inverts_flatten()
    {
        using var scope = new DisposeScope();
        using var generator = new Generator(4);
        var top = Tensor.RandInt(0, 50, [3, 2, 3], generator);
        var bottom = Tensor.RandInt(0, 50, [3, 4, 6], generator);
        using var map = new CodeMap([new CodeLayer("top", top, 1), new CodeLayer("bottom", bottom, 2)]);
        using var back = CodeMap.Unflatten(map.Flatten(), map);
        Assert.True(back["top"].Equal(top));
        Assert.True(back["bottom"].Equal(bottom));
    }

    [Fact]
    public void Layers_that_do_not_tile_the_coarsest_grid_are_rejected()
    {
        using var scope = new DisposeScope();
        var top = Tensor.Zeros([1, 2, 2], DType.Int64);
        var bottom = Tensor.Zeros([1, 3, 4], DType.Int64);
        Assert.Throws<ArgumentException>(() => new CodeMap([new CodeLayer("top", top, 1), new CodeLayer("bottom", bottom, 2)]));
        Assert.Throws<ArgumentException>(() => CodeMap.Unflatten(Tensor.Zeros([1, 7], DType.Int64), 1, 1, [("top", 1), ("bottom", 2)]));
    }
}
