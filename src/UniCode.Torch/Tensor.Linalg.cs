using UniCode.Torch.Interop;

namespace UniCode.Torch;

// Matrix decompositions (float32/float64; FID's matrix square root uses Eigh).
public partial class Tensor
{
    /// <summary>Eigen-decomposition of a symmetric (Hermitian) matrix or batch: A = V diag(w) V^T.</summary>
    /// <param name="upper">Read the upper triangle (true) or the lower one (false, PyTorch's default).</param>
    /// <returns>The eigenvalues in ascending order and the eigenvectors as columns.</returns>
    public (Tensor Eigenvalues, Tensor Eigenvectors) Eigh(bool upper = false)
    {
        Span<IntPtr> output = stackalloc IntPtr[2];
        NativeError.Check(Native.ut_linalg_eigh(Handle, B(upper), output));
        return (Wrap(output[0]), Wrap(output[1]));
    }

    /// <summary>Singular-value decomposition of a matrix or batch: A = U diag(S) Vh.</summary>
    /// <param name="fullMatrices">Square U and Vh (true) or the reduced ones (false).</param>
    /// <returns>U, the singular values in descending order, and Vh.</returns>
    public (Tensor U, Tensor S, Tensor Vh) Svd(bool fullMatrices = false)
    {
        Span<IntPtr> output = stackalloc IntPtr[3];
        NativeError.Check(Native.ut_linalg_svd(Handle, B(fullMatrices), output));
        return (Wrap(output[0]), Wrap(output[1]), Wrap(output[2]));
    }
}
