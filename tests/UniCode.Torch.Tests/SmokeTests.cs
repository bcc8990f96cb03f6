namespace UniCode.Torch.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Add_of_two_vectors_gives_their_sum()
    {
        using var a = Tensor.From([1f, 2f, 3f]);
        using var b = Tensor.From([10f, 20f, 30f]);
        using var c = a + b;
        Assert.Equal([11f, 22f, 33f], c.ToArray<float>());
        Console.WriteLine(c);
        Console.WriteLine(LibTorch.Version + " threads " + LibTorch.NumThreads + " blas " + LibTorch.BlasThreads);
    }
}
