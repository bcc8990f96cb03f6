namespace UniCode.Kit.Vision.Networks;

/// <summary>How a decoder doubles its resolution.</summary>
public enum UpsampleMode
{
    /// <summary>Nearest-neighbour upsampling then a 3x3 convolution (Taming Transformers' VQ-GAN decoder).</summary>
    NearestConv,

    /// <summary>A 4x4 transposed convolution with stride 2 (the VQ-VAE decoder).</summary>
    TransposedConv,
}
