namespace UniCode.Torch.Tests;

// Sets process-wide libtorch state: runs alone (see ProcessWideState).
[Collection(ProcessWideState.Name)]
public sealed class LibTorchInteropThreadsTests
{
    [Fact]
    public void Setting_NumInteropThreads_once_it_is_fixed_throws_instead_of_keeping_the_old_value()
    {
        var current = LibTorch.NumInteropThreads;
        LibTorch.NumInteropThreads = current; // the value it has: harmless

        // The first change may still be accepted (nothing fixed the pool yet); any later one cannot be.
        try
        {
            LibTorch.NumInteropThreads = current + 1;
        }
        catch (InvalidOperationException)
        {
        }

        var fixedValue = LibTorch.NumInteropThreads;
        var error = Assert.Throws<InvalidOperationException>(() => LibTorch.NumInteropThreads = fixedValue + 1);
        Assert.Contains("must be set before any parallel work", error.Message, StringComparison.Ordinal);
        Assert.Equal(fixedValue, LibTorch.NumInteropThreads);
        Assert.Throws<ArgumentOutOfRangeException>(() => LibTorch.NumInteropThreads = 0);
    }
}
