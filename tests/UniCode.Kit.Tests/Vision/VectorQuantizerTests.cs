using UniCode.Kit.Vision.Quantization;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Vision;

public sealed class VectorQuantizerTests
{
    private static VectorQuantizer Quantizer(int k, int n, bool ema = true, double decay = 0.99, int deadCodeSteps = 0, bool initFromData = false, ulong seed = 1)
    {
        var generator = new Generator(seed);
        return new VectorQuantizer(
            new VectorQuantizerOptions { CodebookSize = k, Dim = n, Ema = ema, Decay = decay, DeadCodeSteps = deadCodeSteps, InitFromData = initFromData },
            generator);
    }

    [Fact]
    public void Nearest_code_equals_brute_force_search()
    {
        using var scope = new DisposeScope();
        using var quantizer = Quantizer(37, 5);
        using var generator = new Generator(7);
        var z = Tensor.Randn([200, 5], generator) * 0.2;
        var ids = quantizer.NearestCodes(z).ToArray<long>();
        var codes = quantizer.Codebook.ToArray<float>();
        var points = z.ToArray<float>();
        for (var i = 0; i < 200; i++)
        {
            var best = -1;
            var bestDistance = double.MaxValue;
            for (var k = 0; k < 37; k++)
            {
                var d = 0.0;
                for (var j = 0; j < 5; j++)
                {
                    var diff = (double)points[(i * 5) + j] - codes[(k * 5) + j];
                    d += diff * diff;
                }

                if (d < bestDistance)
                {
                    (best, bestDistance) = (k, d);
                }
            }

            Assert.Equal(best, ids[i]);
        }
    }

    [Fact]
    public void Straight_through_estimator_passes_the_gradient_to_the_features_unchanged()
    {
        using var scope = new DisposeScope();
        using var quantizer = Quantizer(16, 4);
        quantizer.Eval();
        using var generator = new Generator(3);
        var z = (Tensor.Randn([2, 4, 3, 3], generator) * 0.1).RequiresGradInPlace();
        var weights = Tensor.Randn([2, 4, 3, 3], generator);
        var output = quantizer.Forward(z);
        (output.Quantized * weights).Sum().Backward();
        var grad = z.Grad!.ToArray<float>();
        var expected = weights.ToArray<float>();
        Assert.Equal(expected, grad);

        // Forward, the straight-through output is exactly e(M).
        var embedded = quantizer.EmbedMap(output.Codes);
        Assert.True(output.Quantized.Detach().AllClose(embedded, 1e-6, 1e-6));
    }

    [Fact]
    public void Ema_update_matches_a_hand_computation()
    {
        using var scope = new DisposeScope();
        const double decay = 0.5, eps = 1e-5;
        using var quantizer = Quantizer(3, 2, decay: decay);
        var initial = Tensor.FromArray(new float[,] { { 0, 0 }, { 1, 1 }, { 5, 5 } });
        quantizer.SetCodebook(initial);

        // Four features [B=1, n=2, h=2, w=2]: three near code 1, one near code 0, none near code 2.
        float[,] points = { { 0.9f, 1.1f }, { 1.2f, 0.8f }, { 0.1f, -0.1f }, { 1.0f, 1.3f } };
        var flat = Tensor.FromArray(points);
        var features = flat.Reshape(1, 2, 2, 2).Permute(0, 3, 1, 2).Contiguous(); // (1, n, h, w)
        var output = quantizer.Forward(features);
        Assert.Equal(new long[] { 1, 1, 0, 1 }, output.Codes.Flatten().ToArray<long>());

        // By hand: N starts at 1 per code and m = C * smooth(N) (SetCodebook syncs the moments).
        double[] n0 = [1, 1, 1];
        double total0 = n0.Sum();
        double[] smooth0 = [.. n0.Select(v => (v + eps) / (total0 + (3 * eps)) * total0)];
        double[][] c0 = [[0, 0], [1, 1], [5, 5]];
        double[][] m0 = [.. c0.Select((row, k) => row.Select(v => v * smooth0[k]).ToArray())];
        double[] counts = [1, 3, 0];
        double[][] sums = [[0.1, -0.1], [0.9 + 1.2 + 1.0, 1.1 + 0.8 + 1.3], [0, 0]];
        double[] n1 = [.. n0.Select((v, k) => (decay * v) + ((1 - decay) * counts[k]))];
        double[][] m1 = [.. m0.Select((row, k) => row.Select((v, j) => (decay * v) + ((1 - decay) * sums[k][j])).ToArray())];
        var total1 = n1.Sum();
        double[] smooth1 = [.. n1.Select(v => (v + eps) / (total1 + (3 * eps)) * total1)];
        var codebook = quantizer.Codebook.ToArray<float>();
        for (var k = 0; k < 3; k++)
        {
            for (var j = 0; j < 2; j++)
            {
                Assert.Equal(m1[k][j] / smooth1[k], codebook[(k * 2) + j], 4);
            }
        }
    }

    [Fact]
    public void Eq3_moves_the_codebook_by_exactly_one_minus_lambda_times_the_gap()
    {
        using var scope = new DisposeScope();
        using var quantizer = Quantizer(8, 3);
        using var generator = new Generator(11);
        var target = Tensor.Randn([8, 3], generator);
        var before = quantizer.Codebook.Clone();
        quantizer.BlendToward(target, 0.9);
        var moved = quantizer.Codebook - before;
        var expected = (target - before) * 0.1;
        Assert.True(moved.AllClose(expected, 1e-5, 1e-6));
    }

    [Fact]
    public void Mixing_toward_a_target_does_not_compound()
    {
        using var scope = new DisposeScope();
        using var quantizer = Quantizer(8, 3);
        using var generator = new Generator(12);
        var target = Tensor.Randn([8, 3], generator);
        var ema = quantizer.Codebook.Clone(); // the EMA estimate (the moments agree with the codebook at the start)
        quantizer.MixToward(target, 0.25);
        quantizer.MixToward(target, 0.25);
        // Twice at 0.25 is still one quarter of the way from the EMA codebook to the target, not 1 − 0.75².
        Assert.True(quantizer.Codebook.AllClose((ema * 0.75) + (target * 0.25), 1e-5, 1e-6));
        quantizer.MixToward(target, 1);
        Assert.True(quantizer.Codebook.AllClose(target, 1e-6, 1e-7));
    }

    [Fact]
    public void A_frozen_codebook_never_changes_in_training()
    {
        using var scope = new DisposeScope();
        using var quantizer = Quantizer(8, 3, deadCodeSteps: 1, initFromData: true);
        quantizer.Frozen = true;
        var before = quantizer.Codebook.Clone();
        using var generator = new Generator(5);
        for (var step = 0; step < 5; step++)
        {
            quantizer.Forward(Tensor.Randn([2, 3, 4, 4], generator));
        }

        Assert.True(quantizer.Codebook.Equal(before));
    }

    [Fact]
    public void The_entropy_term_prefers_a_batch_spread_over_the_codes_and_pulls_an_undecided_feature_toward_the_unused_one()
    {
        using var scope = new DisposeScope();
        var options = new VectorQuantizerOptions { CodebookSize = 2, Dim = 2, InitFromData = false, EntropyWeight = 1, EntropyTemperature = 1 };
        using var quantizer = new VectorQuantizer(options);
        quantizer.SetCodebook(Tensor.FromArray(new float[,] { { 0, 0 }, { 2, 0 } }));
        quantizer.Frozen = true;
        // [1, 2, 1, 4] maps: channel 0 is x, channel 1 is y = 0; four features.
        static Tensor Features(params float[] x) => Tensor.FromArray(new float[,] { { x[0], x[1], x[2], x[3] }, { 0, 0, 0, 0 } }).View(1, 2, 1, 4);

        var crowded = quantizer.Quantize(Features(0, 0, 0, 0)).EntropyLoss.Item<float>();
        var spread = quantizer.Quantize(Features(0, 0, 2, 2)).EntropyLoss.Item<float>();
        // The same confidence per feature; the spread batch's mean assignment has entropy ln 2 more than the crowded one.
        Assert.True(spread < crowded - 0.5, $"spread {spread}, crowded {crowded}");

        // Three features on code 0 and one at the midpoint x = 1, where its own entropy has no gradient: only the
        // batch term acts on it, and it pulls it toward the unused code 1 (descending the loss increases x).
        var z = Features(0, 0, 0, 1).RequiresGradInPlace();
        quantizer.Quantize(z).EntropyLoss.Backward();
        Assert.True(z.Grad!.ToArray<float>()[3] < 0, $"x-gradient of the midpoint feature: {z.Grad!.ToArray<float>()[3]}");
    }

    [Fact]
    public void The_entropy_term_backpropagates_after_the_EMA_update_has_rewritten_the_codebook()
    {
        using var scope = new DisposeScope();
        var options = new VectorQuantizerOptions { CodebookSize = 8, Dim = 3, EntropyWeight = 0.1 };
        using var quantizer = new VectorQuantizer(options);
        using var generator = new Generator(4);
        var z = Tensor.Randn([2, 3, 4, 4], generator).RequiresGradInPlace();

        // Forward in training mode updates the EMA codebook in place; the entropy graph must not depend on that storage.
        var output = quantizer.Forward(z);
        Assert.NotEqual(0f, output.EntropyLoss.Item<float>());
        output.Loss.Backward();

        Assert.True(z.Grad!.Abs().Sum().Item<float>() > 0);
    }

    [Fact]
    public void Without_an_entropy_weight_the_quantizer_loss_is_commitment_only()
    {
        using var scope = new DisposeScope();
        using var quantizer = Quantizer(8, 3, initFromData: true);
        using var generator = new Generator(2);

        var output = quantizer.Quantize(Tensor.Randn([2, 3, 4, 4], generator));

        Assert.Equal(0f, output.EntropyLoss.Item<float>());
        Assert.Equal(output.CommitmentLoss.Item<float>(), output.Loss.Item<float>(), 6);
    }

    [Fact]
    public void Dead_codes_are_restarted_from_recent_features()
    {
        using var scope = new DisposeScope();
        using var quantizer = Quantizer(4, 2, deadCodeSteps: 2);
        quantizer.SetCodebook(Tensor.FromArray(new float[,] { { 0, 0 }, { 10, 10 }, { 20, 20 }, { 30, 30 } }));
        // Every feature sits at (0.1, 0.1): only code 0 is ever used.
        var features = Tensor.Full([1, 2, 2, 2], 0.1);
        quantizer.Forward(features);
        Assert.Equal(new float[] { 0, 1, 1, 1 }, quantizer.UnusedSteps.ToArray<float>());
        quantizer.Forward(features);
        var codes = quantizer.Codebook.ToArray<float>();
        for (var k = 1; k < 4; k++)
        {
            Assert.Equal(0.1f, codes[k * 2], 5);
            Assert.Equal(0.1f, codes[(k * 2) + 1], 5);
        }

        Assert.Equal(new float[] { 0, 0, 0, 0 }, quantizer.UnusedSteps.ToArray<float>());
    }

    [Fact]
    public void Usage_and_perplexity_follow_the_code_histogram()
    {
        using var scope = new DisposeScope();
        var uniform = CodebookStatistics.FromIds(Tensor.FromArray(new long[] { 0, 1, 2, 3 }), 8);
        Assert.Equal(0.5, uniform.Usage);
        Assert.Equal(4, uniform.Perplexity, 6);
        var single = CodebookStatistics.FromIds(Tensor.FromArray(new long[] { 5, 5, 5 }), 8);
        Assert.Equal(1, single.CodesUsed);
        Assert.Equal(1, single.Perplexity, 6);
    }

    [Fact]
    public void A_trained_codebook_is_a_parameter_that_the_codebook_loss_moves()
    {
        using var scope = new DisposeScope();
        using var quantizer = Quantizer(8, 3, ema: false);
        Assert.Single(quantizer.Parameters());
        using var generator = new Generator(2);
        var output = quantizer.Forward(Tensor.Randn([2, 3, 2, 2], generator));
        output.Loss.Backward();
        Assert.NotNull(quantizer.Parameters().Single().Grad);
        Assert.True(output.CodebookLoss.Item<float>() > 0);
    }

    [Fact]
    public void Bad_inputs_are_rejected_with_the_expected_shape()
    {
        using var scope = new DisposeScope();
        using var quantizer = Quantizer(8, 3);
        var e = Assert.Throws<ArgumentException>(() => quantizer.Forward(Tensor.Zeros(2, 4, 2, 2)));
        Assert.Contains("[B, 3, h, w]", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => quantizer.Embed(Tensor.FromArray(new long[] { 8 })));
        Assert.Throws<ArgumentException>(() => quantizer.SetCodebook(Tensor.Zeros(7, 3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VectorQuantizer(new VectorQuantizerOptions { Decay = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VectorQuantizer(new VectorQuantizerOptions { Commitment = double.NaN }));
    }
}
