using UniCode.Kit.Data.Shapes;
using UniCode.Kit.Tests.Configuration;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Data.Shapes;

public sealed class ShapesOptionsTests : OptionsContract
{
    public static TheoryData<IOptions> Defaults() => [new ShapesOptions()];

    public static TheoryData<IOptions, string> Invalid() => new()
    {
        { new ShapesOptions { Count = -1 }, nameof(ShapesOptions.Count) },
        { new ShapesOptions { Size = 11 }, nameof(ShapesOptions.Size) },
        { new ShapesOptions { Size = 5000 }, nameof(ShapesOptions.Size) },
        { new ShapesOptions { MinObjects = 0 }, nameof(ShapesOptions.MinObjects) },
        { new ShapesOptions { MinObjects = 10, MaxObjects = 10 }, nameof(ShapesOptions.MinObjects) },
        { new ShapesOptions { MinObjects = 3, MaxObjects = 2 }, nameof(ShapesOptions.MaxObjects) },
        { new ShapesOptions { MaxObjects = 10 }, nameof(ShapesOptions.MaxObjects) },
        { new ShapesOptions { StatisticsScenes = 0 }, nameof(ShapesOptions.StatisticsScenes) },
        { new ShapesOptions { ExistenceSampling = (PopeSampling)42 }, nameof(ShapesOptions.ExistenceSampling) },
    };

    [Fact]
    public void The_Generator_Validates_What_It_Receives() =>
        Assert.Equal(nameof(ShapesOptions.Size), Assert.Throws<ArgumentOutOfRangeException>(() => new ShapesGenerator(new ShapesOptions { Size = 8 })).ParamName);
}
