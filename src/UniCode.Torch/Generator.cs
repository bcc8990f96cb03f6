using UniCode.Torch.Interop;

namespace UniCode.Torch;

/// <summary>
/// A seeded random-number generator, independent of the global one: pass it to random ops
/// (<see cref="Tensor.Randn(long[], Generator?, DType, Device?, bool)"/> and friends) for streams that
/// other code cannot disturb. Its state can be saved and restored to resume a run exactly.
/// </summary>
public sealed class Generator : IDisposable
{
    private readonly GeneratorHandle handle;

    /// <summary>Creates a generator seeded with <paramref name="seed"/>.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="device">The device whose random streams it drives (default CPU).</param>
    public Generator(ulong seed, Device? device = null)
    {
        Native.EnsureLoaded();
        var d = device ?? Device.Cpu;
        handle = new GeneratorHandle(NativeError.Check(Native.ut_generator_new(seed, (int)d.Type, d.Index)));
    }

    internal GeneratorHandle Handle => handle.IsClosed ? throw new ObjectDisposedException(nameof(Generator)) : handle;

    internal static GeneratorHandle HandleOf(Generator? generator) => generator?.Handle ?? GeneratorHandle.Default;

    /// <summary>The seed the generator was last seeded with; setting it reseeds.</summary>
    public ulong Seed
    {
        get
        {
            NativeError.Check(Native.ut_generator_get_seed(Handle, out var seed));
            return seed;
        }

        set => NativeError.Check(Native.ut_generator_set_seed(Handle, value));
    }

    /// <summary>The full state as a uint8 tensor (save it to resume the stream later).</summary>
    public Tensor GetState() => Tensor.Wrap(Native.ut_generator_get_state(Handle));

    /// <summary>Restores a state from <see cref="GetState"/>.</summary>
    /// <param name="state">A state tensor.</param>
    public void SetState(Tensor state)
    {
        ArgumentNullException.ThrowIfNull(state);
        NativeError.Check(Native.ut_generator_set_state(Handle, state.Handle));
    }

    /// <inheritdoc/>
    public void Dispose() => handle.Dispose();
}
