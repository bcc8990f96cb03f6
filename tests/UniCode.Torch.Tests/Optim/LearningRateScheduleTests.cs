using UniCode.Torch.NN;
using UniCode.Torch.Optim;

namespace UniCode.Torch.Tests.Optim;

public sealed class LearningRateScheduleTests
{
    [Fact]
    public void Warmup_cosine_rises_linearly_then_follows_a_half_cosine_to_the_floor()
    {
        var schedule = new WarmupCosineSchedule { WarmupSteps = 10, TotalSteps = 110, MinFactor = 0.1 };
        Assert.Equal(0.1, schedule.Factor(0), 12); // (0 + 1) / 10
        Assert.Equal(0.5, schedule.Factor(4), 12);
        Assert.Equal(1.0, schedule.Factor(9), 12); // the last warm-up step reaches the full rate
        Assert.Equal(1.0, schedule.Factor(10), 12); // decay starts at 1
        Assert.Equal(0.1 + (0.9 * 0.5 * (1 + Math.Cos(Math.PI * 0.25))), schedule.Factor(35), 12);
        Assert.Equal(0.55, schedule.Factor(60), 12); // half-way: the mean of 1 and the floor
        Assert.Equal(0.1, schedule.Factor(110), 12); // the end
        Assert.Equal(0.1, schedule.Factor(1000), 12); // beyond: flat
    }

    [Fact]
    public void Schedules_without_warmup_or_decay_are_well_defined()
    {
        var noWarmup = new WarmupCosineSchedule { WarmupSteps = 0, TotalSteps = 4 };
        Assert.Equal(1.0, noWarmup.Factor(0), 12);
        Assert.Equal(0.5, noWarmup.Factor(2), 12);
        Assert.Equal(0.0, noWarmup.Factor(4), 12);
        var warmupOnly = new WarmupCosineSchedule { WarmupSteps = 2, TotalSteps = 2, MinFactor = 0.3 };
        Assert.Equal(0.5, warmupOnly.Factor(0), 12);
        Assert.Equal(0.3, warmupOnly.Factor(2), 12);
        Assert.Equal(1.0, new ConstantSchedule().Factor(123));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarmupCosineSchedule { WarmupSteps = 5, TotalSteps = 3 }.Factor(0));
    }

    [Fact]
    public void Scheduler_sets_every_group_s_rate_from_its_initial_rate()
    {
        using var scope = new DisposeScope();
        using var a = new Parameter(Tensor.Zeros(1));
        using var b = new Parameter(Tensor.Zeros(1));
        using var optimizer = new Sgd([new ParameterGroup([a]), new ParameterGroup([b], learningRate: 0.5)], new SgdOptions { LearningRate = 1.0 });
        var scheduler = new LearningRateScheduler(optimizer, new WarmupCosineSchedule { WarmupSteps = 2, TotalSteps = 6, MinFactor = 0.1 });

        double[] Rates() => [.. optimizer.ParameterGroups.Select(g => g.LearningRate)];
        Assert.Equal(0, scheduler.CurrentStep);
        Assert.Equal([0.5, 0.25], Rates());
        scheduler.Step();
        Assert.Equal([1.0, 0.5], Rates());
        scheduler.Step();
        scheduler.Step();
        scheduler.Step();
        Assert.Equal(4, scheduler.CurrentStep);
        Assert.Equal(0.55, Rates()[0], 12);
        Assert.Equal(0.275, Rates()[1], 12);
        Assert.Equal(1.0, optimizer.ParameterGroups[0].InitialLearningRate);

        optimizer.LearningRate = 0.01; // sets every group
        Assert.Equal([0.01, 0.01], Rates());

        // A scheduler resumed at a step applies that step's rate at once.
        _ = new LearningRateScheduler(optimizer, new WarmupCosineSchedule { WarmupSteps = 2, TotalSteps = 6, MinFactor = 0.1 }, currentStep: 6);
        Assert.Equal(0.1, Rates()[0], 12);
        Assert.Equal(0.05, Rates()[1], 12);
    }
}
