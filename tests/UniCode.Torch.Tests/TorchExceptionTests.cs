using UniCode.Torch.NN;

namespace UniCode.Torch.Tests;

// Every libtorch error reaches C# as a TorchException carrying libtorch's message; none crashes the process.
public sealed class TorchExceptionTests
{
    private static TorchException Fails(Func<Tensor> op)
    {
        using var scope = new DisposeScope();
        return Assert.Throws<TorchException>(() => op());
    }

    [Fact]
    public void Matmul_shape_mismatch_names_both_shapes()
    {
        using var scope = new DisposeScope();
        var a = Tensor.Zeros(2, 3);
        var b = Tensor.Zeros(4, 5);
        var error = Fails(() => a.MatMul(b));
        Assert.Contains("2x3", error.Message, StringComparison.Ordinal);
        Assert.Contains("4x5", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception raised from", error.Message, StringComparison.Ordinal); // no C++ backtrace
    }

    [Fact]
    public void Wrong_index_dtype_is_reported()
    {
        using var scope = new DisposeScope();
        var error = Fails(() => Tensor.Zeros(3).IndexSelect(0, Tensor.From([0f])));
        Assert.Contains("int64", error.Message, StringComparison.Ordinal);
        Assert.Contains("index", error.Message, StringComparison.Ordinal);
        Fails(() => Tensor.Zeros(2, 3).Gather(1, Tensor.Zeros(2, 1)));
    }

    [Fact]
    public void Out_of_range_indices_are_reported_for_every_indexing_op()
    {
        using var scope = new DisposeScope();
        Assert.Contains("index out of range", Fails(() => Tensor.Zeros(3).IndexSelect(0, Tensor.From([5L]))).Message, StringComparison.Ordinal);
        Assert.Contains("index 5 is out of bounds for dimension 1 with size 3",
            Fails(() => Tensor.Zeros(2, 3).Gather(1, Tensor.FromArray(new long[,] { { 5 }, { 0 } }))).Message, StringComparison.Ordinal);
        Assert.Contains("index out of range", Fails(() => Functional.Embedding(Tensor.From([7L]), Tensor.Zeros(4, 2))).Message, StringComparison.Ordinal);
        Assert.Contains("Target 7 is out of bounds",
            Fails(() => Functional.CrossEntropy(Tensor.Zeros(2, 3), Tensor.From([0L, 7L]))).Message, StringComparison.Ordinal);
        Assert.Contains("index 5 out of range for tensor of size [3] at dimension 0",
            Fails(() => Tensor.Zeros(3).Select(0, 5)).Message, StringComparison.Ordinal);
        Assert.Contains("out of range", Fails(() => Tensor.Zeros(3)[5]).Message, StringComparison.Ordinal);
        Fails(() => Tensor.Zeros(3).Scatter(0, Tensor.From([9L]), 1.0));
        Fails(() => Tensor.Zeros(3).IndexAdd(0, Tensor.From([-9L]), Tensor.Ones(1)));
    }

    [Fact]
    public void Shape_errors_carry_libtorch_s_explanation()
    {
        using var scope = new DisposeScope();
        Assert.Contains("shape '[2, 2]' is invalid for input of size 3", Fails(() => Tensor.Zeros(3).View(2, 2)).Message, StringComparison.Ordinal);
        Assert.Contains("must match the size of tensor b (4)", Fails(() => Tensor.Zeros(2, 3) + Tensor.Zeros(4)).Message, StringComparison.Ordinal);
        Assert.Contains("Expected size 3 but got size 4", Fails(() => Tensor.Cat([Tensor.Zeros(2, 3), Tensor.Zeros(2, 4)])).Message, StringComparison.Ordinal);
        Fails(() => Tensor.Zeros(2, 3).Permute(0));
        Fails(() => Tensor.Zeros(2, 3).Sum(5));
        Fails(() => Functional.Conv2d(Tensor.Zeros(1, 3, 8, 8), Tensor.Zeros(4, 2, 3, 3)));
        Fails(() => Tensor.Zeros([2], DType.Int64, requiresGrad: true));
    }

    [Fact]
    public void The_process_keeps_working_after_many_errors()
    {
        using var scope = new DisposeScope();
        for (var i = 0; i < 100; i++)
        {
            Assert.Throws<TorchException>(() => Tensor.Zeros(2, 3).MatMul(Tensor.Zeros(2, 3)));
        }

        TensorAssert.Equal([3], Tensor.Ones(1, 3).MatMul(Tensor.Ones(3, 1)).Flatten());
    }

    [Fact]
    public void Errors_on_other_threads_keep_their_own_message()
    {
        var messages = new string[4];
        var threads = Enumerable.Range(0, messages.Length).Select(i => new Thread(() =>
        {
            using var scope = new DisposeScope();
            for (var k = 0; k < 25; k++)
            {
                messages[i] = Assert.Throws<TorchException>(() => Tensor.Zeros(i + 1, 3).MatMul(Tensor.Zeros(7, 1))).Message;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        for (var i = 0; i < messages.Length; i++)
        {
            Assert.Contains($"({i + 1}x3 and 7x1)", messages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Using_a_disposed_tensor_throws_ObjectDisposedException()
    {
        var t = Tensor.Ones(2);
        using var other = Tensor.Ones(2);
        t.Dispose();
        Assert.True(t.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => t.Shape);
        Assert.Throws<ObjectDisposedException>(() => t.Add(1));
        Assert.Throws<ObjectDisposedException>(() => other + t);
        Assert.Throws<ObjectDisposedException>(() => t.ToArray<float>());
        Assert.Throws<ObjectDisposedException>(() => Tensor.Cat([other, t]));
        Assert.Throws<ObjectDisposedException>(() => Functional.Linear(other.View(1, 2), t.View(1, 2)));
        var generator = new Generator(1);
        generator.Dispose();
        Assert.Throws<ObjectDisposedException>(() => Tensor.Randn([2], generator));
    }

    [Fact]
    public void Null_arguments_throw_ArgumentNullException_naming_the_parameter()
    {
        using var scope = new DisposeScope();
        var t = Tensor.Ones(2, 2);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => t.Add(null!)).ParamName);
        Assert.Throws<ArgumentNullException>(() => t + (Tensor)null!);
        Assert.Throws<ArgumentNullException>(() => (Tensor)null! * t);
        Assert.Throws<ArgumentNullException>(() => 1 - (Tensor)null!);
        Assert.Throws<ArgumentNullException>(() => t.MatMul(null!));
        Assert.Throws<ArgumentNullException>(() => Tensor.Cat(null!));
        Assert.Throws<ArgumentNullException>(() => Tensor.Stack([t, null!]));
        Assert.Throws<ArgumentNullException>(() => Tensor.Where(null!, t, t));
        Assert.Throws<ArgumentNullException>(() => t.View(null!));
        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => Functional.Linear(null!, t)).ParamName);
        Assert.Equal("weight", Assert.Throws<ArgumentNullException>(() => Functional.Linear(t, null!)).ParamName);
        Assert.Throws<ArgumentNullException>(() => Functional.RmsNorm(null!));
        Assert.Throws<ArgumentNullException>(() => Tensor.Einsum("ij->ji", null!));
        Assert.Throws<ArgumentNullException>(() => Autograd.Grad(null!, [t]));
        Assert.Throws<ArgumentNullException>(() => Tensor.From<float>(null!));
        Assert.Throws<ArgumentNullException>(() => Tensor.Zeros(null!));
    }
}
