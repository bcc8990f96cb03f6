using UniCode.Kit.Data.Batching;
using UniCode.Kit.Tests.Configuration;

namespace UniCode.Kit.Tests.Data.Batching;

public sealed class BatchOptionsTests
{
    [Fact]
    public void Defaults_Are_Valid() => OptionsAssert.Valid(new BatchOptions());

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Validate_Rejects_A_Batch_Size_Below_One(int size) =>
        OptionsAssert.RejectsNaming(new BatchOptions { BatchSize = size }, nameof(BatchOptions.BatchSize));

    [Fact]
    public void The_Sampler_Validates_What_It_Receives() =>
        Assert.Equal(nameof(BatchOptions.BatchSize), Assert.Throws<ArgumentOutOfRangeException>(() => new BatchSampler(10, new BatchOptions { BatchSize = 0 })).ParamName);
}
