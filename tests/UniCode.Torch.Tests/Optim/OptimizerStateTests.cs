using UniCode.Torch.NN;
using UniCode.Torch.Optim;

namespace UniCode.Torch.Tests.Optim;

public sealed class OptimizerStateTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("unicode-torch-optim-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Sequential Model(ulong seed)
    {
        using var g = new Generator(seed);
        return new Sequential(new Linear(3, 8, generator: g), new Tanh(), new Linear(8, 2, generator: g));
    }

    private static void Train(Sequential model, Optimizer optimizer, LearningRateScheduler scheduler, int fromStep, int toStep)
    {
        for (var step = fromStep; step < toStep; step++)
        {
            using var scope = new DisposeScope();
            using var g = new Generator((ulong)step); // the data of each step depends on the step only
            var x = Tensor.Randn([16, 3], g);
            var y = Tensor.Randn([16, 2], g);
            optimizer.ZeroGrad();
            Functional.MseLoss(model.Forward(x), y).Backward();
            GradientClipping.ClipGradNorm(model.Parameters(), 1.0);
            optimizer.Step();
            scheduler.Step();
        }
    }

    public static TheoryData<string> Optimizers => ["adamw", "sgd"];

    private static Optimizer Create(string kind, Sequential model) => kind == "adamw"
        ? new AdamW(model.Parameters(), new AdamWOptions { LearningRate = 0.01, WeightDecay = 0.1 })
        : new Sgd(model.Parameters(), new SgdOptions { LearningRate = 0.05, Momentum = 0.9, WeightDecay = 0.01 });

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Training_resumed_from_saved_state_matches_uninterrupted_training(string kind)
    {
        var schedule = new WarmupCosineSchedule { WarmupSteps = 3, TotalSteps = 12, MinFactor = 0.1 };

        using var reference = Model(1);
        using var referenceOptimizer = Create(kind, reference);
        Train(reference, referenceOptimizer, new LearningRateScheduler(referenceOptimizer, schedule), 0, 10);

        // The same run, stopped after 5 steps and saved.
        var modelPath = Path.Combine(folder, "model.safetensors");
        var optimizerPath = Path.Combine(folder, "optimizer.safetensors");
        using (var first = Model(1))
        using (var firstOptimizer = Create(kind, first))
        {
            Train(first, firstOptimizer, new LearningRateScheduler(firstOptimizer, schedule), 0, 5);
            first.Save(modelPath);
            firstOptimizer.Save(optimizerPath);
        }

        // A new process of sorts: other initial values, state loaded from the files, then the remaining steps.
        using var resumed = Model(99);
        using var resumedOptimizer = Create(kind, resumed);
        resumed.Load(modelPath);
        resumedOptimizer.Load(optimizerPath);
        Train(resumed, resumedOptimizer, new LearningRateScheduler(resumedOptimizer, schedule, currentStep: 5), 5, 10);

        var expected = reference.NamedParameters().ToList();
        var actual = resumed.NamedParameters().ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].Parameter.Equal(actual[i].Parameter), $"{expected[i].Name} differs after resuming");
        }

        Assert.Equal(referenceOptimizer.LearningRate, resumedOptimizer.LearningRate);
    }

    [Fact]
    public void StateDict_names_state_by_parameter_index_and_records_the_group_settings()
    {
        using var scope = new DisposeScope();
        using var model = Model(1);
        using var optimizer = new AdamW(model.Parameters(), new AdamWOptions { LearningRate = 0.01 });
        Functional.MseLoss(model.Forward(Tensor.Ones(2, 3)), Tensor.Zeros(2, 2)).Backward();
        optimizer.Step();

        var (tensors, settings) = optimizer.StateDict();
        Assert.Equal(12, tensors.Count); // step, exp_avg, exp_avg_sq for 4 parameters
        Assert.Contains("state.3.exp_avg_sq", tensors.Keys);
        Assert.Equal(1.0, tensors["state.0.step"].ToDouble());
        Assert.Equal("AdamW", settings["optimizer"]);
        Assert.Equal("0.01", settings["group.0.lr"]);
    }

    [Fact]
    public void Loading_state_of_another_kind_or_shape_of_optimizer_is_rejected_with_the_source_named()
    {
        using var scope = new DisposeScope();
        using var model = Model(1);
        using var adam = new AdamW(model.Parameters());
        Functional.MseLoss(model.Forward(Tensor.Ones(2, 3)), Tensor.Zeros(2, 2)).Backward();
        adam.Step();
        var path = Path.Combine(folder, "adam.safetensors");
        adam.Save(path);

        using var sgd = new Sgd(model.Parameters());
        var wrongKind = Assert.Throws<ArgumentException>(() => sgd.Load(path));
        Assert.Contains("AdamW", wrongKind.Message, StringComparison.Ordinal);
        Assert.Contains(path, wrongKind.Message, StringComparison.Ordinal);

        using var smaller = new AdamW(model.Parameters().Take(2));
        var wrongShape = Assert.Throws<ArgumentException>(() => smaller.Load(path));
        Assert.Contains("state.2.", wrongShape.Message, StringComparison.Ordinal);

        var (tensors, settings) = adam.StateDict();
        settings.Remove("group.0.lr");
        Assert.Contains("group.0.lr", Assert.Throws<ArgumentException>(() => adam.LoadStateDict(tensors, settings)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_state_whose_shapes_differ_from_the_parameters_names_the_entry_and_both_shapes()
    {
        using var scope = new DisposeScope();
        using var model = Model(1);
        using var adam = new AdamW(model.Parameters());
        Functional.MseLoss(model.Forward(Tensor.Ones(2, 3)), Tensor.Zeros(2, 2)).Backward();
        adam.Step();
        var path = Path.Combine(folder, "adam-shapes.safetensors");
        adam.Save(path);

        using var other = new Sequential(new Linear(2, 8), new Tanh(), new Linear(8, 3));
        using var mismatched = new AdamW(other.Parameters());
        var error = Assert.Throws<ArgumentException>(() => mismatched.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("state.0.", error.Message, StringComparison.Ordinal);
        Assert.Contains("[8, 3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[8, 2]", error.Message, StringComparison.Ordinal);
    }
}
