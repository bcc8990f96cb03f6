using UniCode.Torch.NN;
using UniCode.Torch.Optim;

namespace UniCode.Torch.Tests.Learning;

public sealed class XorTests
{
    [Fact]
    public void A_small_mlp_learns_xor()
    {
        using var scope = new DisposeScope();
        using var generator = new Generator(7);
        using var model = new Sequential(new Linear(2, 8, generator: generator), new Tanh(), new Linear(8, 1, generator: generator));
        using var optimizer = new AdamW(model.Parameters(), new AdamWOptions { LearningRate = 0.05, WeightDecay = 0 });
        var inputs = Tensor.FromArray(new float[,] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } });
        var targets = Tensor.From([0f, 1f, 1f, 0f], 4, 1);

        for (var step = 0; step < 500; step++)
        {
            using var stepScope = new DisposeScope();
            optimizer.ZeroGrad();
            Functional.BinaryCrossEntropyWithLogits(model.Forward(inputs), targets).Backward();
            optimizer.Step();
        }

        var probabilities = model.Forward(inputs).Sigmoid().Flatten().ToArray<float>();
        Assert.True(probabilities[0] < 0.1 && probabilities[3] < 0.1, $"p = [{string.Join(", ", probabilities)}]");
        Assert.True(probabilities[1] > 0.9 && probabilities[2] > 0.9, $"p = [{string.Join(", ", probabilities)}]");
    }
}
