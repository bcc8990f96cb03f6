namespace UniCode.Torch.Tests;

public sealed class TensorLinalgTests
{
    private static Tensor SymmetricPositiveDefinite(int n, ulong seed)
    {
        using var scope = new DisposeScope();
        using var g = new Generator(seed);
        var b = Tensor.Randn([n, n], g, DType.Float64);
        return (b.MatMul(b.T) + Tensor.Eye(n, dtype: DType.Float64)).MoveToOuterScope();
    }

    [Fact]
    public void Eigh_of_a_known_matrix_gives_its_eigenvalues_in_ascending_order()
    {
        using var scope = new DisposeScope();
        var a = Tensor.FromArray(new double[,] { { 2, 1 }, { 1, 2 } });
        var (values, vectors) = a.Eigh();
        TensorAssert.Close([1, 3], values, 1e-12);

        // The eigenvector of 3 is (1, 1)/sqrt 2, up to sign.
        var v = vectors[.., 1].Abs();
        TensorAssert.Close([1 / Math.Sqrt(2), 1 / Math.Sqrt(2)], v, 1e-12);
    }

    [Fact]
    public void Eigh_reconstructs_a_symmetric_matrix_from_orthonormal_eigenvectors()
    {
        using var scope = new DisposeScope();
        var a = SymmetricPositiveDefinite(5, 11);
        var (values, vectors) = a.Eigh();
        TensorAssert.Is([5], DType.Float64, values);
        TensorAssert.Is([5, 5], DType.Float64, vectors);

        var sorted = values.ToArray<double>();
        Assert.Equal(sorted.Order(), sorted);
        TensorAssert.Close(Tensor.Eye(5, dtype: DType.Float64), vectors.T.MatMul(vectors), 1e-10);
        TensorAssert.Close(a, vectors.MatMul(Tensor.Einsum("i,ij->ij", values, vectors.T)), 1e-10);
    }

    [Fact]
    public void Matrix_square_root_from_eigh_squares_back_to_the_matrix()
    {
        using var scope = new DisposeScope();
        var a = SymmetricPositiveDefinite(6, 12);
        var (values, vectors) = a.Eigh();
        var root = vectors.MatMul(values.Sqrt().Unsqueeze(1) * vectors.T);
        TensorAssert.Close(root, root.T, 1e-10); // symmetric
        TensorAssert.Close(a, root.MatMul(root), 1e-9);
    }

    [Fact]
    public void Svd_reconstructs_the_matrix_with_descending_singular_values()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(13);
        var a = Tensor.Randn([4, 3], g, DType.Float64);
        var (u, s, vh) = a.Svd();
        Assert.Equal([4L, 3], u.Shape);
        Assert.Equal([3L], s.Shape);
        Assert.Equal([3L, 3], vh.Shape);
        var singular = s.ToArray<double>();
        Assert.Equal(singular.OrderDescending(), singular);
        Assert.All(singular, v => Assert.True(v >= 0));
        TensorAssert.Close(a, u.MatMul(s.Unsqueeze(1) * vh), 1e-10);
        TensorAssert.Close(Tensor.Eye(3, dtype: DType.Float64), u.T.MatMul(u), 1e-10);

        var (fullU, _, _) = a.Svd(fullMatrices: true);
        Assert.Equal([4L, 4], fullU.Shape);

        TensorAssert.Close([3, 2], Tensor.FromArray(new double[,] { { 3, 0 }, { 0, -2 } }).Svd().S, 1e-12);
    }

    [Fact]
    public void Eigh_of_a_non_square_matrix_raises_a_TorchException()
    {
        using var scope = new DisposeScope();
        Assert.Throws<TorchException>(() => Tensor.Zeros([2, 3], DType.Float64).Eigh());
    }
}
