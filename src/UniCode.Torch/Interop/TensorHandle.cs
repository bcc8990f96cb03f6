using System.Runtime.InteropServices;

namespace UniCode.Torch.Interop;

/// <summary>
/// Owns one native at::Tensor. SafeHandle gives us a critical finalizer (the backstop for tensors
/// nobody disposed) and keeps the handle alive for the duration of every P/Invoke it is passed to.
/// </summary>
internal sealed class TensorHandle : SafeHandle
{
    private static long live;

    /// <summary>The handle passed for an absent optional tensor (never closed).</summary>
    internal static readonly TensorHandle Null = new();

    // Used by the marshaller and for Null only.
    public TensorHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    internal TensorHandle(IntPtr pointer)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(pointer);
        Interlocked.Increment(ref live);
    }

    /// <summary>Native tensors currently owned by handles (created and not yet freed).</summary>
    internal static long Live => Interlocked.Read(ref live);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        Native.ut_tensor_free(handle);
        Interlocked.Decrement(ref live);
        return true;
    }
}

/// <summary>Owns one native at::Generator.</summary>
internal sealed class GeneratorHandle : SafeHandle
{
    /// <summary>The handle passed to mean "libtorch's default generator".</summary>
    internal static readonly GeneratorHandle Default = new();

    public GeneratorHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    internal GeneratorHandle(IntPtr pointer)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(pointer);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        Native.ut_generator_free(handle);
        return true;
    }
}
