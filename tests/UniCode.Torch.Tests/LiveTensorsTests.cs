using UniCode.Torch.Interop;
using UniCode.Torch.NN;
using UniCode.Torch.Optim;

namespace UniCode.Torch.Tests;

// The live-tensor counter is process-wide: these tests run alone (see ProcessWideState).
[Collection(ProcessWideState.Name)]
public sealed class LiveTensorsTests
{
    [Fact]
    public void The_counter_follows_creation_and_disposal()
    {
        var start = ProcessWideState.SettledLiveTensors();
        var tensors = Enumerable.Range(0, 10).Select(_ => Tensor.Zeros(2)).ToList();
        Assert.Equal(start + 10, LibTorch.LiveTensors);
        tensors.ForEach(t => t.Dispose());
        Assert.Equal(start, LibTorch.LiveTensors);
    }

    [Fact]
    public void A_scope_returns_the_counter_to_its_start_value()
    {
        var start = ProcessWideState.SettledLiveTensors();
        using (var generator = new Generator(1))
        using (new DisposeScope())
        {
            var x = Tensor.Randn([4, 4], generator);
            for (var i = 0; i < 100; i++)
            {
                x = x.MatMul(x.T).Softmax(-1) + 1;
            }

            Assert.True(LibTorch.LiveTensors > start + 100);
        }

        Assert.Equal(start, LibTorch.LiveTensors);
    }

    [Fact]
    public void Ten_thousand_training_steps_inside_scopes_leave_no_tensor_behind()
    {
        using var generator = new Generator(42);
        using var model = new Sequential(new Linear(4, 16, generator: generator), new ReLU(), new Linear(16, 1, generator: generator));
        using var optimizer = new AdamW(model.Parameters(), new AdamWOptions { LearningRate = 1e-3 });
        using var inputs = Tensor.Randn([8, 4], generator);
        using var targets = Tensor.Randn([8, 1], generator);

        void TrainStep()
        {
            using var scope = new DisposeScope();
            optimizer.ZeroGrad();
            var loss = Functional.MseLoss(model.Forward(inputs), targets);
            loss.Backward();
            optimizer.Step();
        }

        TrainStep(); // the first step creates the optimizer's state tensors
        var start = ProcessWideState.SettledLiveTensors();
        var highest = start;
        for (var i = 0; i < 10_000; i++)
        {
            TrainStep();
            highest = Math.Max(highest, LibTorch.LiveTensors);
        }

        Assert.Equal(start, ProcessWideState.SettledLiveTensors());
        Assert.Equal(start, highest); // nothing accumulates between steps either

        // The model did train, so the loop really ran its steps.
        using var scope = new DisposeScope();
        Assert.True(Functional.MseLoss(model.Forward(inputs), targets).ToDouble() < 0.5 * targets.Square().Mean().ToDouble());
    }

    [Fact]
    public void Module_and_optimizer_disposal_free_their_parameters_and_state()
    {
        var start = ProcessWideState.SettledLiveTensors();
        using (var generator = new Generator(3))
        {
            var model = new Linear(3, 2, generator: generator);
            var optimizer = new AdamW(model.Parameters());
            using (new DisposeScope())
            {
                model.Forward(Tensor.Ones(1, 3)).Sum().Backward();
                optimizer.Step();
            }

            Assert.True(LibTorch.LiveTensors > start);
            optimizer.Dispose();
            model.Dispose();
        }

        Assert.Equal(start, ProcessWideState.SettledLiveTensors());
    }
    [Fact]
    public void An_unscoped_training_loop_keeps_live_tensors_and_native_memory_bounded()
    {
        using var generator = new Generator(7);
        using var model = new Sequential(new Linear(512, 512, generator: generator), new ReLU(), new Linear(512, 512, generator: generator));
        using var optimizer = new Sgd(model.Parameters(), new SgdOptions { LearningRate = 1e-3 });
        using var inputs = Tensor.Randn([512, 512], generator);
        const int Steps = 300;
        MemoryPressure.CollectNow(); // earlier tests' live memory set the current limit: start from this test's own
        var start = ProcessWideState.SettledLiveTensors();
        var startBytes = LibTorch.NativeBytes;
        long highest = 0, highestBytes = 0;
        for (var i = 0; i < Steps; i++)
        {
            // As notebook code is written: no scope, nothing disposed; only the GC frees these tensors.
            optimizer.ZeroGrad();
            var loss = model.Forward(inputs).Square().Mean();
            loss.Backward();
            optimizer.Step();
            highest = Math.Max(highest, LibTorch.LiveTensors - start);
            highestBytes = Math.Max(highestBytes, LibTorch.NativeBytes - startBytes);
        }

        // Each step leaves about 20 tensors, 4 of them 1 MiB activations or gradients: unbounded, 300 steps would
        // hold about 6,000 tensors and 1.2 GiB. A collection induced when the native bytes double (past 128 MiB)
        // keeps both to a few steps' worth.
        Assert.True(highest < Steps * 20 / 4, $"{highest} live tensors at the peak");
        Assert.True(highestBytes < 256L << 20, $"{highestBytes >> 20} MiB of native storage at the peak");
    }

    [Fact]
    public void A_scope_disposed_from_a_foreign_thread_leaks_nothing_on_the_opening_thread()
    {
        var start = ProcessWideState.SettledLiveTensors();
        var scope = new DisposeScope();
        using (ExecutionContext.SuppressFlow())
        {
            var other = new Thread(() => Assert.Throws<InvalidOperationException>(scope.Dispose));
            other.Start();
            other.Join();
        }

        for (var i = 0; i < 1000; i++)
        {
            _ = Tensor.Ones(1) + 1;
        }

        scope.Dispose();
        Assert.Equal(start, LibTorch.LiveTensors);
    }

    [Fact]
    public async Task A_scope_across_awaits_frees_all_its_tensors()
    {
        var start = ProcessWideState.SettledLiveTensors();
        using (new DisposeScope())
        {
            for (var i = 0; i < 400; i++)
            {
                _ = Tensor.Ones(1);
                await Task.Delay(1);
                _ = Tensor.Ones(1);
            }
        }

        Assert.Equal(start, LibTorch.LiveTensors);
    }
}
