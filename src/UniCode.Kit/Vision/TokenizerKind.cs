namespace UniCode.Kit.Vision;

/// <summary>The visual tokenizers of paper §3.1 and Table 3.</summary>
public enum TokenizerKind
{
    /// <summary>VQ-GAN (Esser et al. 2021): one code map; the kit's default is 8x8 for 32x32 images.</summary>
    VqGan,

    /// <summary>RQ-VAE (Lee et al. 2022): D residual depths over one grid, a shared codebook; default 4x4, D = 4.</summary>
    RqVae,

    /// <summary>HQ-VAE (Takida et al. 2023): a coarse top map and a fine bottom map; default 4x4 top + 8x8 bottom.</summary>
    HqVae,
}
