using System.Runtime.CompilerServices;

namespace UniCode.Torch.Interop;

/// <summary>
/// Tells the garbage collector how much native tensor memory is live, so that code which never disposes
/// its tensors (most notebook code) still triggers collections, whose finalizers free that memory. The
/// bridge's CPU allocator counts live storage bytes (native/memory.cpp); every tensor creation and every
/// free compares that counter, read through a pointer without a call, with what was last reported, and only
/// a change of at least <see cref="Granularity"/> pays for a <see cref="GC.AddMemoryPressure"/> or
/// <see cref="GC.RemoveMemoryPressure"/> call. Views and autograd's saved tensors are counted once, by
/// their storage, which a per-tensor estimate could not do.
/// </summary>
internal static unsafe class MemoryPressure
{
    /// <summary>The smallest change reported to the GC (smaller ones accumulate).</summary>
    internal const long Granularity = 1L << 20;

    private static readonly Lock Gate = new();
    private static long* counter;
    private static long reported;

    /// <summary>Storage bytes currently allocated by libtorch's CPU allocator (0 before the bridge loads).</summary>
    internal static long NativeBytes => counter == null ? 0 : Volatile.Read(ref *counter);

    /// <summary>Bytes currently reported to the GC as memory pressure.</summary>
    internal static long Reported => Volatile.Read(ref reported);

    /// <summary>Called once, when the bridge loads, with the address of its byte counter.</summary>
    /// <param name="bytesCounter">The counter's address.</param>
    internal static void Attach(long* bytesCounter) => counter = bytesCounter;

    /// <summary>Reports the change in native bytes since the last report when it is large enough.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Update()
    {
        var bytes = counter;
        if (bytes == null)
        {
            return;
        }

        var delta = Volatile.Read(ref *bytes) - Volatile.Read(ref reported);
        if (delta >= Granularity || delta <= -Granularity)
        {
            Report();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Report()
    {
        lock (Gate)
        {
            var now = Volatile.Read(ref *counter);
            var delta = now - reported;
            if (delta > 0)
            {
                GC.AddMemoryPressure(delta);
            }
            else if (delta < 0)
            {
                GC.RemoveMemoryPressure(-delta);
            }

            Volatile.Write(ref reported, now);
        }
    }
}
