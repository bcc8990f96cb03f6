namespace UniCode.Torch.Tests;

// ManualSeed reseeds the global generator that every other test may draw from: run alone.
[Collection(ProcessWideState.Name)]
public sealed class LibTorchTests
{
    [Fact]
    public void ManualSeed_makes_global_random_draws_repeat()
    {
        using var scope = new DisposeScope();
        LibTorch.ManualSeed(2024);
        var randn = Tensor.Randn(3, 4);
        var rand = Tensor.Rand(5);
        var randint = Tensor.RandInt(0, 100, [10]);
        var perm = Tensor.RandPerm(12);
        var multinomial = Tensor.From([1f, 1f, 1f, 1f, 1f]).Multinomial(3);

        LibTorch.ManualSeed(2024);
        Assert.True(Tensor.Randn(3, 4).Equal(randn));
        Assert.True(Tensor.Rand(5).Equal(rand));
        Assert.True(Tensor.RandInt(0, 100, [10]).Equal(randint));
        Assert.True(Tensor.RandPerm(12).Equal(perm));
        Assert.True(Tensor.From([1f, 1f, 1f, 1f, 1f]).Multinomial(3).Equal(multinomial));

        LibTorch.ManualSeed(2025);
        Assert.False(Tensor.Randn(3, 4).Equal(randn));
    }

    [Fact]
    public void Global_generator_state_restores_resume_the_stream()
    {
        using var scope = new DisposeScope();
        LibTorch.ManualSeed(1);
        var state = LibTorch.GetRngState();
        var first = Tensor.Randn(8);
        LibTorch.SetRngState(state);
        Assert.True(Tensor.Randn(8).Equal(first));
    }

    [Fact]
    public void Runtime_facts_are_reported()
    {
        Assert.StartsWith("1.13", LibTorch.Version, StringComparison.Ordinal);
        Assert.True(LibTorch.NumThreads >= 1);
        Assert.False(string.IsNullOrWhiteSpace(LibTorch.ParallelInfo));
        Assert.Equal(LibTorch.CudaIsAvailable ? DeviceType.Cuda : DeviceType.Cpu, LibTorch.DefaultDevice.Type);
        Assert.Throws<ArgumentOutOfRangeException>(() => LibTorch.NumThreads = 0);
    }

    [Fact]
    public void Deterministic_mode_can_be_switched_on_and_off()
    {
        var before = LibTorch.Deterministic;
        try
        {
            LibTorch.Deterministic = true;
            Assert.True(LibTorch.Deterministic);
            using var scope = new DisposeScope();
            Assert.True(Tensor.Ones(2, 2).MatMul(Tensor.Ones(2, 2)).Equal(Tensor.Full([2, 2], 2)));
            LibTorch.Deterministic = false;
            Assert.False(LibTorch.Deterministic);
        }
        finally
        {
            LibTorch.Deterministic = before;
        }
    }

    [Fact]
    public void Device_names_parse_and_print()
    {
        Assert.Equal(Device.Cpu, Device.Parse("cpu"));
        Assert.Equal(Device.Cuda(1), Device.Parse("CUDA:1"));
        Assert.Equal("cuda:1", Device.Cuda(1).ToString());
        var error = Assert.Throws<ArgumentException>(() => Device.Parse("tpu"));
        Assert.Contains("tpu", error.Message, StringComparison.Ordinal);
    }
}
