using UniCode.Torch.NN;
using UniCode.Torch.Optim;

namespace UniCode.Torch.Tests.Optim;

public sealed class OptionsValidationTests
{
    public static TheoryData<AdamWOptions, string> BadAdamW => new()
    {
        { new AdamWOptions { WeightDecay = double.PositiveInfinity }, "WeightDecay" },
        { new AdamWOptions { LearningRate = double.NaN }, "LearningRate" },
        { new AdamWOptions { LearningRate = BitConverter.Int64BitsToDouble(0x7FF8000000000001) }, "LearningRate" }, // a NaN with the sign bit clear
        { new AdamWOptions { LearningRate = -1 }, "LearningRate" },
        { new AdamWOptions { Beta1 = 1 }, "Beta1" },
        { new AdamWOptions { Beta2 = -0.1 }, "Beta2" },
        { new AdamWOptions { Eps = double.NegativeInfinity }, "Eps" },
    };

    public static TheoryData<SgdOptions, string> BadSgd => new()
    {
        { new SgdOptions { LearningRate = double.NaN }, "LearningRate" },
        { new SgdOptions { Momentum = double.PositiveInfinity }, "Momentum" },
        { new SgdOptions { Dampening = 2 }, "Dampening" },
        { new SgdOptions { WeightDecay = -1e-3 }, "WeightDecay" },
        { new SgdOptions { Nesterov = true }, "Nesterov" },
    };

    [Theory]
    [MemberData(nameof(BadAdamW))]
    public void AdamW_rejects_options_that_are_not_finite_or_out_of_range_naming_the_option(AdamWOptions options, string name)
    {
        using var p = new Parameter(Tensor.Zeros(2));
        var error = Assert.ThrowsAny<ArgumentException>(() => new AdamW([p], options));
        Assert.Equal(name, error.ParamName);
        Assert.ThrowsAny<ArgumentException>(options.Validate);
    }

    [Theory]
    [MemberData(nameof(BadSgd))]
    public void Sgd_rejects_options_that_are_not_finite_or_out_of_range_naming_the_option(SgdOptions options, string name)
    {
        using var p = new Parameter(Tensor.Zeros(2));
        var error = Assert.ThrowsAny<ArgumentException>(() => new Sgd([p], options));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void The_defaults_are_valid_and_options_compare_by_value()
    {
        new AdamWOptions().Validate();
        new SgdOptions().Validate();
        Assert.Equal(new AdamWOptions { LearningRate = 0.1 }, new AdamWOptions { LearningRate = 0.1 });
        Assert.Equal(0.9, (new AdamWOptions() with { LearningRate = 1 }).Beta1);
    }

    [Fact]
    public void Group_settings_and_learning_rates_set_later_must_be_finite_too()
    {
        using var p = new Parameter(Tensor.Zeros(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParameterGroup([p], learningRate: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParameterGroup([p], weightDecay: double.PositiveInfinity));
        using var optimizer = new Sgd([p]);
        Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.LearningRate = double.NaN);
        Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.ParameterGroups[0].WeightDecay = -1);
        Assert.Equal(1e-2, optimizer.LearningRate);
    }

    [Fact]
    public void A_schedule_is_validated_when_the_scheduler_receives_it()
    {
        using var p = new Parameter(Tensor.Zeros(2));
        using var optimizer = new Sgd([p]);
        Assert.Equal("TotalSteps", Assert.Throws<ArgumentOutOfRangeException>(
            () => new LearningRateScheduler(optimizer, new WarmupCosineSchedule { WarmupSteps = 5, TotalSteps = 3 })).ParamName);
        Assert.Equal("MinFactor", Assert.Throws<ArgumentOutOfRangeException>(
            () => new LearningRateScheduler(optimizer, new WarmupCosineSchedule { TotalSteps = 3, MinFactor = double.NaN })).ParamName);
        Assert.Equal("WarmupSteps", Assert.Throws<ArgumentOutOfRangeException>(
            () => new WarmupCosineSchedule { WarmupSteps = -1, TotalSteps = 3 }.Validate()).ParamName);
    }

    [Fact]
    public void Gradient_clipping_rejects_a_maximum_norm_that_is_not_finite()
    {
        using var p = new Parameter(Tensor.Zeros(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipGradNorm([p], double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipGradNorm([p], 1, normType: 0));
    }
}
