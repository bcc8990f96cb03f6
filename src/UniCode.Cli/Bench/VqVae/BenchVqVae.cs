using UniCode.Kit.Vision.Quantization;
using UniCode.Torch;
using UniCode.Torch.NN;
using F = UniCode.Torch.NN.Functional;

namespace UniCode.Cli.Bench.VqVae;

/// <summary>
/// The VQ-VAE of `unicode bench vqvae`, fixed so that the same model can be written in PyTorch and timed beside it
/// (vqvae_step.py): 32x32x3 images, two stride-2 convolutions, two residual blocks, the kit's EMA quantizer
/// (K = 1024, n = 64, decay 0.99, β = 0.25), and the mirror decoder with transposed convolutions.
/// </summary>
internal sealed class BenchVqVae : Module<Tensor, Tensor>
{
    private readonly Conv2d encode1 = new(3, 64, 4, stride: 2, padding: 1);
    private readonly Conv2d encode2 = new(64, 128, 4, stride: 2, padding: 1);
    private readonly BenchResidual encodeResidual1 = new();
    private readonly BenchResidual encodeResidual2 = new();
    private readonly Conv2d encodeProjection = new(128, 64, 1);
    private readonly VectorQuantizer quantizer = new(new VectorQuantizerOptions
    {
        CodebookSize = 1024,
        Dim = 64,
        Decay = 0.99,
        Commitment = 0.25,
        DeadCodeSteps = 0,
        InitFromData = false,
    });

    private readonly Conv2d decodeInput = new(64, 128, 1);
    private readonly BenchResidual decodeResidual1 = new();
    private readonly BenchResidual decodeResidual2 = new();
    private readonly ConvTranspose2d decode1 = new(128, 64, 4, stride: 2, padding: 1);
    private readonly ConvTranspose2d decode2 = new(64, 3, 4, stride: 2, padding: 1);

    public BenchVqVae() => RegisterComponents();

    /// <summary>One training step's loss: MSE(D(Q(E(x))), x) + the commitment loss (the EMA update runs inside Q).</summary>
    public override Tensor Forward(Tensor input)
    {
        var h = encode1.Forward(input).Relu();
        h = encode2.Forward(h).Relu();
        h = encodeResidual2.Forward(encodeResidual1.Forward(h)).Relu();
        var quantized = quantizer.Forward(encodeProjection.Forward(h));
        var d = decodeResidual2.Forward(decodeResidual1.Forward(decodeInput.Forward(quantized.Quantized))).Relu();
        d = decode1.Forward(d).Relu();
        var reconstruction = decode2.Forward(d);
        return F.MseLoss(reconstruction, input) + quantized.CommitmentLoss;
    }
}

/// <summary>x + conv1x1(ReLU(conv3x3(ReLU(x)))), 128 channels throughout.</summary>
internal sealed class BenchResidual : Module<Tensor, Tensor>
{
    private readonly Conv2d conv3 = new(128, 128, 3, padding: 1);
    private readonly Conv2d conv1 = new(128, 128, 1);

    public BenchResidual() => RegisterComponents();

    public override Tensor Forward(Tensor input) => input + conv1.Forward(conv3.Forward(input.Relu()).Relu());
}
