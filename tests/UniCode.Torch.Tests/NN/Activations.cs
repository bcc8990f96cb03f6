using UniCode.Torch.NN;

namespace UniCode.Torch.Tests.NN;

// The kit's modules are written in the test's own terms where src has no activation module.

/// <summary>ReLU as a layer, for <see cref="Sequential"/> models in tests.</summary>
internal sealed class ReluLayer : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => input.Relu();
}

/// <summary>Tanh as a layer.</summary>
internal sealed class TanhLayer : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => input.Tanh();
}
