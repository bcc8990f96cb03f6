using UniCode.Kit.Data.Batching;
using UniCode.Kit.Tests.Configuration;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Data.Batching;

public sealed class BatchOptionsTests : OptionsContract
{
    public static TheoryData<IOptions> Defaults() => [new BatchOptions()];

    public static TheoryData<IOptions, string> Invalid() => new()
    {
        { new BatchOptions { BatchSize = 0 }, nameof(BatchOptions.BatchSize) },
        { new BatchOptions { BatchSize = -3 }, nameof(BatchOptions.BatchSize) },
    };

    [Fact]
    public void The_Sampler_Validates_What_It_Receives() =>
        Assert.Equal(nameof(BatchOptions.BatchSize), Assert.Throws<ArgumentOutOfRangeException>(() => new BatchSampler(10, new BatchOptions { BatchSize = 0 })).ParamName);
}
