using UniCode.Kit.Configuration;
using UniCode.Kit.Data.Shapes;
using UniCode.Kit.Evaluation.Alignment;
using UniCode.Kit.Evaluation.Features;
using UniCode.Kit.Text;
using UniCode.Kit.Training.Features;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Evaluation.Alignment;

public sealed class TinyClipTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"unicode-clip-{Guid.NewGuid():N}");

    private static readonly ShapesDataset Shapes = new(new ShapesOptions { Seed = 5, Count = 64, Size = 16, StatisticsScenes = 64 });

    private static readonly TinyClipOptions Options = TinyClipOptions.For(Profile.Smoke, Shapes.Name, imageChannels: 3, imageSize: 16);

    [Fact]
    public void A_smoke_model_scores_matching_pairs_above_mismatched_ones_and_is_reused_from_the_cache()
    {
        var cache = new ArtifactCache(folder);
        using var trained = ClipNets.LoadOrTrain(Shapes, Options, cache);
        Assert.False(trained.Artifact.Reused);
        using var scope = new DisposeScope();
        var images = FeatureExtraction.FirstImages(Shapes, Shapes.Count);
        string[] captions = [.. Enumerable.Range(0, Shapes.Count).Select(i => Shapes.Scene(i).Caption)];
        string[] shifted = [.. captions.Skip(1).Append(captions[0])];
        var matching = ClipScore.Compute(trained.Net, images, captions);
        var mismatched = ClipScore.Compute(trained.Net, images, shifted);
        Assert.True(matching.MeanCosine > mismatched.MeanCosine + 0.1, $"matching {matching}, mismatched {mismatched}");
        Assert.True(matching.Score > mismatched.Score, $"matching {matching}, mismatched {mismatched}");
        Assert.InRange(matching.Score, 0, 100);

        using var again = ClipNets.LoadOrTrain(Shapes, Options, cache);
        Assert.True(again.Artifact.Reused);
        Assert.Equal(ClipScore.Cosines(trained.Net, images, captions), ClipScore.Cosines(again.Net, images, captions, batchSize: 7), new ToleranceComparer(1e-5));
    }

    [Fact]
    public void The_score_is_a_hundred_times_the_clipped_cosine()
    {
        using var model = new TinyClip(Options, TestTokenizer(), new Generator(3));
        model.Eval();
        using var scope = new DisposeScope();
        var images = FeatureExtraction.FirstImages(Shapes, 8);
        string[] prompts = [.. Enumerable.Range(0, 8).Select(i => Shapes.Scene(i).Caption)];
        var cosines = ClipScore.Cosines(model, images, prompts);
        Assert.All(cosines, c => Assert.InRange(c, -1 - 1e-6, 1 + 1e-6));
        var result = ClipScore.Compute(model, images, prompts, batchSize: 3);
        Assert.Equal(cosines.Average(c => 100 * Math.Max(c, 0)), result.Score, 4);
        Assert.Equal(cosines.Average(), result.MeanCosine, 6);
        Assert.Equal(8, result.Count);
    }

    [Fact]
    public void The_symmetric_info_nce_of_a_perfectly_separated_batch_is_near_zero_and_of_a_uniform_one_is_log_b()
    {
        using var scope = new DisposeScope();
        var separated = Tensor.Eye(4) * 50;
        Assert.InRange(ContrastiveLoss.SymmetricInfoNce(separated).Item<float>(), 0, 1e-6);
        Assert.Equal(Math.Log(4), ContrastiveLoss.SymmetricInfoNce(Tensor.Zeros(4, 4)).Item<float>(), 5);
        Assert.Throws<ArgumentException>(() => ContrastiveLoss.SymmetricInfoNce(Tensor.Zeros(2, 3)));
    }

    [Fact]
    public void Mismatched_or_misshapen_inputs_are_rejected_naming_them()
    {
        using var model = new TinyClip(Options, TestTokenizer());
        using var scope = new DisposeScope();
        var images = FeatureExtraction.FirstImages(Shapes, 2);
        Assert.Equal("prompts", Assert.Throws<ArgumentException>(() => ClipScore.Compute(model, images, ["a"])).ParamName);
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => ClipScore.Compute(model, Tensor.Zeros(2, 1, 16, 16), ["a", "b"])).ParamName);
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => ClipScore.Compute(model, Tensor.Zeros(0, 3, 16, 16), [])).ParamName);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static BpeTokenizer TestTokenizer() =>
        BpeTokenizer.Train(Enumerable.Range(0, 16).Select(i => Shapes.Scene(i).Caption), new BpeTrainerOptions { VocabularySize = 300 });

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
