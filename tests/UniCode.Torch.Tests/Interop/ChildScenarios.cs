using System.Collections;
using System.Diagnostics;

namespace UniCode.Torch.Tests.Interop;

/// <summary>Scenarios run in a child process (see <see cref="Program"/>); each prints one summary line and exits 0.</summary>
internal static class ChildScenarios
{
    public const string LazyListCat = "lazy-list-cat";
    public const string DisposeRace = "dispose-race";
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(3);

    public static int Run(string name)
    {
        switch (name)
        {
            case LazyListCat:
                return RunLazyListCat();
            case DisposeRace:
                return RunDisposeRace();
            default:
                Console.Error.WriteLine($"unknown scenario '{name}'");
                return 2;
        }
    }

    // Cat and Stack over a list whose tensors exist only while the indexer's caller holds them, with the GC
    // running continuously on another thread: before the handles were AddRef'd, the finalizer freed them
    // under the native call (SIGSEGV within seconds).
    private static int RunLazyListCat()
    {
        using var stop = new CancellationTokenSource(Duration);
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        collector.Start();
        long calls = 0;
        var list = new LazyTensors(64, 256);
        while (!stop.IsCancellationRequested)
        {
            using var joined = Tensor.Cat(list);
            using var stacked = Tensor.Stack(list);
            var sum = joined.Sum().ToDouble();
            if (sum != list.ExpectedSum || stacked.Sum().ToDouble() != list.ExpectedSum)
            {
                Console.Error.WriteLine($"wrong result {sum}, expected {list.ExpectedSum}");
                return 1;
            }

            calls++;
        }

        collector.Join();
        Console.WriteLine($"ok calls={calls}");
        return 0;
    }

    // One thread disposes the inputs while another keeps calling Cat/Stack/Einsum on them: every call must
    // either succeed or throw ObjectDisposedException, never read freed memory.
    private static int RunDisposeRace()
    {
        var watch = Stopwatch.StartNew();
        long succeeded = 0, refused = 0, rounds = 0;
        while (watch.Elapsed < Duration)
        {
            var inputs = Enumerable.Range(0, 32).Select(i => Tensor.Full([128], i)).ToArray();
            using var start = new Barrier(2);
            var disposer = new Thread(() =>
            {
                start.SignalAndWait();
                foreach (var tensor in inputs.Reverse())
                {
                    tensor.Dispose();
                    Thread.SpinWait(200);
                }
            });
            disposer.Start();
            start.SignalAndWait();
            // Keep calling until the disposer is done: on a loaded machine it may not run during the first 200 calls.
            for (var i = 0; i < 200 || disposer.IsAlive; i++)
            {
                try
                {
                    using var joined = (i % 3) switch
                    {
                        0 => Tensor.Cat(inputs),
                        1 => Tensor.Stack(inputs),
                        _ => Tensor.Einsum("i,i->i", inputs[0], inputs[^1]),
                    };
                    succeeded++;
                }
                catch (ObjectDisposedException)
                {
                    refused++;
                }
            }

            disposer.Join();
            rounds++;
        }

        Console.WriteLine($"ok rounds={rounds} succeeded={succeeded} refused={refused}");
        return 0;
    }

    // A read-only list whose indexer makes a new tensor on every read and keeps no reference to it.
    private sealed class LazyTensors(int count, int length) : IReadOnlyList<Tensor>
    {
        public double ExpectedSum => length * (count - 1) * count / 2.0;

        public int Count => count;

        public Tensor this[int index] => Tensor.Full([length], index).DetachFromScope();

        public IEnumerator<Tensor> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
