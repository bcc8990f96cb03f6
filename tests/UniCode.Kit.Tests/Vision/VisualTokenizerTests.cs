using UniCode.Kit.Vision;
using UniCode.Torch;
using UniCode.Torch.Optim;

namespace UniCode.Kit.Tests.Vision;

public sealed class VisualTokenizerTests
{
    public static TheoryData<TokenizerKind, int> KindsAndSizes()
    {
        var data = new TheoryData<TokenizerKind, int>();
        foreach (var kind in TinyTokenizers.Kinds)
        {
            foreach (var size in new[] { 24, 32, 40, 48 })
            {
                data.Add(kind, size);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndSizes))]
    public void Encode_decode_and_aggregate_have_the_documented_shapes(TokenizerKind kind, int size)
    {
        using var scope = new DisposeScope();
        using var tokenizer = TinyTokenizers.Create(kind, channels: 3);
        var images = TinyTokenizers.Images(2, 3, size);
        using var codes = tokenizer.Encode(images);
        var expected = tokenizer.LayerShapes(size, size);
        Assert.Equal(expected.Count, codes.Layers.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Name, codes.Layers[i].Name);
            Assert.Equal(new long[] { 2, expected[i].Height, expected[i].Width }, codes.Layers[i].Codes.Shape);
        }

        Assert.Equal(tokenizer.TokensPerImage(size, size), codes.TokensPerImage);
        Assert.Equal(new long[] { 2, 3, size, size }, tokenizer.Decode(codes).Shape);
        var coarse = size / tokenizer.CoarsestReduction;
        Assert.Equal(new long[] { 2, coarse * coarse, tokenizer.Quantizer.Dim }, tokenizer.Aggregate(codes).Shape);
    }

    [Fact]
    public void Default_tokenizers_give_64_to_80_tokens_for_a_32x32_image()
    {
        using var vq = VisualTokenizers.Create(TokenizerKind.VqGan);
        using var rq = VisualTokenizers.Create(TokenizerKind.RqVae);
        using var hq = VisualTokenizers.Create(TokenizerKind.HqVae);
        Assert.Equal(64, vq.TokensPerImage(32, 32)); // 8x8
        Assert.Equal(64, rq.TokensPerImage(32, 32)); // 4x4 x D = 4
        Assert.Equal(80, hq.TokensPerImage(32, 32)); // 4x4 top + 8x8 bottom
        Assert.Equal([("top", 4, 4), ("bottom", 8, 8)], hq.LayerShapes(32, 32));
    }

    [Theory]
    [InlineData(TokenizerKind.VqGan)]
    [InlineData(TokenizerKind.RqVae)]
    [InlineData(TokenizerKind.HqVae)]
    public void Each_tokenizer_overfits_one_batch(TokenizerKind kind)
    {
        LibTorch.ManualSeed(0);
        using var tokenizer = TinyTokenizers.Create(kind, seed: 1);
        using var images = TinyTokenizers.Images(8, 1, 32, seed: 2);
        using var optimizer = new AdamW(tokenizer.Parameters(), new AdamWOptions { LearningRate = 3e-3, WeightDecay = 0 });
        double first = 0, last = 0;
        for (var step = 0; step < 200; step++)
        {
            using var scope = new DisposeScope();
            var output = tokenizer.Forward(images);
            var loss = output.TotalLoss();
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            var value = output.ReconstructionLoss.Item<float>();
            if (step == 0)
            {
                first = value;
            }

            last = value;
        }

        Assert.True(last < first / 10, $"{kind}: reconstruction loss went from {first:G4} to {last:G4}, not below a tenth");
    }

    [Fact]
    public void The_straight_through_estimator_reaches_the_encoder()
    {
        foreach (var kind in TinyTokenizers.Kinds)
        {
            using var scope = new DisposeScope();
            using var tokenizer = TinyTokenizers.Create(kind);
            tokenizer.Forward(TinyTokenizers.Images(2, 1, 16)).ReconstructionLoss.Backward();
            var encoderGrads = tokenizer.NamedParameters().Where(p => p.Name.StartsWith("encoder.", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(encoderGrads);
            Assert.All(encoderGrads, p => Assert.True(p.Parameter.Grad is not null && p.Parameter.Grad.Abs().Sum().Item<float>() > 0, $"{kind}: {p.Name} got no gradient"));
        }
    }

    [Fact]
    public void Images_of_a_size_the_grid_cannot_tile_are_rejected_with_a_suggestion()
    {
        using var scope = new DisposeScope();
        using var tokenizer = TinyTokenizers.Create(TokenizerKind.HqVae);
        var e = Assert.Throws<ArgumentException>(() => tokenizer.Encode(Tensor.Zeros(1, 1, 20, 20)));
        Assert.Contains("divisible by 8", e.Message);
        Assert.Contains("24x24", e.Message);
        Assert.Throws<ArgumentException>(() => tokenizer.Encode(Tensor.Zeros(1, 3, 16, 16)));
    }

    [Fact]
    public void Options_out_of_range_name_the_option()
    {
        var options = (Kit.Vision.Tokenizers.RqVaeOptions)VisualTokenizers.Defaults(TokenizerKind.RqVae) with { Depth = 0 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => VisualTokenizers.Create(options));
        Assert.Equal("Depth", e.ParamName);
        var groups = VisualTokenizers.Defaults(TokenizerKind.VqGan);
        var bad = groups.With(groups.Network with { NormGroups = 7 }, groups.Quantizer);
        Assert.Throws<ArgumentException>(() => VisualTokenizers.Create(bad));
    }
}
