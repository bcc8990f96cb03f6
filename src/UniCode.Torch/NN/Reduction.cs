namespace UniCode.Torch.NN;

/// <summary>How a loss reduces its per-element values. The values are libtorch's codes.</summary>
public enum Reduction
{
    /// <summary>Keep one loss per element.</summary>
    None = 0,

    /// <summary>The mean (over non-ignored elements for cross-entropy).</summary>
    Mean = 1,

    /// <summary>The sum.</summary>
    Sum = 2,
}

/// <summary>How <see cref="Functional.Interpolate"/> resamples.</summary>
public enum InterpolationMode
{
    /// <summary>Nearest neighbour (PyTorch's legacy "nearest").</summary>
    Nearest,

    /// <summary>Bilinear, align_corners = false.</summary>
    Bilinear,

    /// <summary>Area averaging (adaptive average pooling): the right way to shrink images.</summary>
    Area,
}

/// <summary>How <see cref="Functional.Pad"/> fills the border.</summary>
public enum PaddingMode
{
    /// <summary>A constant value.</summary>
    Constant,

    /// <summary>Mirror without repeating the edge.</summary>
    Reflect,

    /// <summary>Repeat the edge.</summary>
    Replicate,

    /// <summary>Wrap around.</summary>
    Circular,
}
