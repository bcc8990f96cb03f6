using System.Runtime.InteropServices;

namespace UniCode.Torch.Interop;

/// <summary>The bridge's <c>ut_scalar</c>: a double, an int64 or a bool, tagged by <see cref="Kind"/>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct NativeScalar(double d, long i, int kind)
{
    public readonly double D = d;
    public readonly long I = i;
    public readonly int Kind = kind;
}
