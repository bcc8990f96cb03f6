using System.Runtime.CompilerServices;

namespace UniCode.Torch.Interop;

/// <summary>
/// Keeps code that never disposes its tensors (most notebook code) bounded: libtorch's storage is invisible
/// to the garbage collector, whose managed heap stays tiny while RAM fills, so no collection (and no
/// finalizer that would free the storage) ever runs. The bridge's CPU allocator counts live storage bytes
/// (native/memory.cpp); every tensor creation compares that counter, read through a pointer without a call,
/// with a limit, and past it runs a full collection and waits for the finalizers, then sets the limit to
/// twice what is still live (at least <see cref="Floor"/>), as a GC sizes its heap; the freed memory is then
/// handed back to the OS (malloc_trim), or glibc would keep it resident.
/// </summary>
/// <remarks>
/// Measured against <see cref="GC.AddMemoryPressure"/> (<c>unicode bench memory</c>): reporting the counter's changes
/// as pressure also bounds the unscoped loop, but the runtime's heuristic collects every ~4 MiB of added pressure
/// whatever was freed meanwhile, so a scoped loop that allocates and frees 14 MiB per step paid two full collections
/// per step. This policy never collects while the live bytes stay under the limit.
/// </remarks>
internal static unsafe class MemoryPressure
{
    /// <summary>Native bytes below which no collection is induced.</summary>
    internal const long Floor = 128L << 20;

    private static long* counter;
    private static long limit = Floor;
    private static int collecting;
    private static long collections;

    /// <summary>Storage bytes currently allocated by libtorch's CPU allocator (0 before the bridge loads).</summary>
    internal static long NativeBytes => counter == null ? 0 : Volatile.Read(ref *counter);

    /// <summary>The native bytes at which the next collection is induced.</summary>
    internal static long Limit => Volatile.Read(ref limit);

    /// <summary>Collections induced so far.</summary>
    internal static long Collections => Interlocked.Read(ref collections);

    /// <summary>Called once, when the bridge loads, with the address of its byte counter.</summary>
    /// <param name="bytesCounter">The counter's address.</param>
    internal static void Attach(long* bytesCounter) => counter = bytesCounter;

    /// <summary>Called after a tensor is created: collects when the native bytes passed the limit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Update()
    {
        var bytes = counter;
        if (bytes != null && Volatile.Read(ref *bytes) > Volatile.Read(ref limit))
        {
            Collect();
        }
    }

    /// <summary>Collects now and sets the next limit from what is live afterwards (the limit otherwise only moves at
    /// an induced collection, so a burst of live memory long gone would keep it high).</summary>
    internal static void CollectNow() => Collect();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Collect()
    {
        // One thread collects; the others carry on (their garbage is collected too). Finalizers never call
        // this (it runs on tensor creation only), so waiting for them cannot deadlock on it.
        if (Interlocked.Exchange(ref collecting, 1) == 1)
        {
            return;
        }

        try
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Native.ut_release_free_memory(); // what the finalizers freed leaves the process, not only the live set
            Interlocked.Increment(ref collections);
            Volatile.Write(ref limit, Math.Max(Floor, 2 * NativeBytes));
        }
        finally
        {
            Volatile.Write(ref collecting, 0);
        }
    }
}
