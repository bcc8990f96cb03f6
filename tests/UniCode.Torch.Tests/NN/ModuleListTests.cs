using UniCode.Torch.NN;

namespace UniCode.Torch.Tests.NN;

public sealed class ModuleListTests
{
    [Fact]
    public void Items_are_registered_by_position_and_can_be_appended()
    {
        using var list = new ModuleList<Linear>([new Linear(2, 3), new Linear(3, 1, hasBias: false)]);
        Assert.Equal(2, list.Count);
        Assert.Equal(3, list[0].OutFeatures);
        Assert.Equal(["0.weight", "0.bias", "1.weight"], list.NamedParameters().Select(p => p.Name));

        list.Add(new Linear(1, 1));
        Assert.Equal(3, list.Count);
        Assert.Equal(["0.weight", "0.bias", "1.weight", "2.weight", "2.bias"], list.NamedParameters().Select(p => p.Name));
        Assert.Equal([2L, 3, 1], list.Select(l => l.InFeatures));
        Assert.Throws<ArgumentOutOfRangeException>(() => list[3]);
    }
}
