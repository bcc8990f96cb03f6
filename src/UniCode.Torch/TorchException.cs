namespace UniCode.Torch;

/// <summary>
/// An error reported by libtorch (or OpenCV) through the native bridge. The message is libtorch's own,
/// e.g. a matmul shape mismatch names both shapes.
/// </summary>
public sealed class TorchException : Exception
{
    /// <summary>Creates an exception with libtorch's message.</summary>
    public TorchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    public TorchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
