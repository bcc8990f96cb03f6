using System.Runtime.InteropServices;

namespace UniCode.Torch.Interop;

/// <summary>Turns the bridge's sentinels into <see cref="TorchException"/>s, on the calling thread.</summary>
internal static class NativeError
{
    internal static string LastMessage()
    {
        var message = Marshal.PtrToStringUTF8(Native.ut_last_error());
        return string.IsNullOrEmpty(message) ? "libtorch reported an error without a message" : message;
    }

    /// <summary>Throws when a status-returning call failed (negative status).</summary>
    internal static int Check(int status) => status < 0 ? throw new TorchException(LastMessage()) : status;

    /// <summary>Throws when a value-returning call failed (returned its sentinel).</summary>
    internal static long Check(long value, long sentinel) => value == sentinel ? throw new TorchException(LastMessage()) : value;

    /// <summary>Throws when a handle-returning call failed (returned null).</summary>
    internal static IntPtr Check(IntPtr pointer) => pointer == IntPtr.Zero ? throw new TorchException(LastMessage()) : pointer;

    internal static string String(IntPtr utf8) => Marshal.PtrToStringUTF8(utf8) ?? string.Empty;
}
