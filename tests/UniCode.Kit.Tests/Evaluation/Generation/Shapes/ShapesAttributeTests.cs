using UniCode.Kit.Configuration;
using UniCode.Kit.Data.Shapes;
using UniCode.Kit.Evaluation.Features;
using UniCode.Kit.Evaluation.Generation;
using UniCode.Kit.Evaluation.Generation.Shapes;
using UniCode.Kit.Training.Features;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Evaluation.Generation.Shapes;

public sealed class ShapesAttributeTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"unicode-attributes-{Guid.NewGuid():N}");

    private static readonly ShapesDataset Train = new(new ShapesOptions { Seed = 9, Count = 512, Size = 16, MaxObjects = 2, StatisticsScenes = 16 });

    [Fact]
    public void A_caption_names_the_counts_of_its_scene()
    {
        var generator = new ShapesGenerator(new ShapesOptions { Seed = 2 });
        for (var i = 0; i < 50; i++)
        {
            var scene = generator.Scene(i);
            var fromCaption = ShapesAttributeCounts.FromCaption(scene.Caption);
            var fromScene = ShapesAttributeCounts.FromScene(scene);
            Assert.Equal(fromScene.Colours, fromCaption.Colours);
            Assert.Equal(fromScene.Shapes, fromCaption.Shapes);
            Assert.Equal(scene.Objects.Count, fromCaption.Objects);
        }

        var counts = ShapesAttributeCounts.FromCaption("a large red circle in the top left and a small blue square in the centre");
        Assert.Equal("1 red, 1 blue; 1 circle, 1 square; 2 objects", counts.ToString());
        Assert.Equal("caption", Assert.Throws<ArgumentException>(() => ShapesAttributeCounts.FromCaption("an empty scene")).ParamName);
    }

    [Fact]
    public void Ground_truth_counts_score_one_and_a_hand_made_miss_scores_per_attribute()
    {
        var generator = new ShapesGenerator(new ShapesOptions { Seed = 3 });
        var scenes = Enumerable.Range(0, 20).Select(i => generator.Scene(i)).ToArray();
        var truth = ShapesAttributeAccuracy.Score([.. scenes.Select(ShapesAttributeCounts.FromScene)], [.. scenes.Select(s => ShapesAttributeCounts.FromCaption(s.Caption))]);
        Assert.Equal((1.0, 1.0, 1.0, 1.0, 20), (truth.Colour, truth.Shape, truth.Count, truth.Overall, truth.Images));

        // Asked: a red circle and a blue square. Seen: a red circle and a red triangle (blue missing, square missing, count right);
        // second prompt: a green diamond, seen exactly.
        var asked = new[] { ShapesAttributeCounts.FromCaption("a red circle and a blue square"), ShapesAttributeCounts.FromCaption("a green diamond") };
        var seen = new[] { ShapesAttributeCounts.FromCaption("a red circle and a red triangle"), ShapesAttributeCounts.FromCaption("a small green diamond") };
        var result = ShapesAttributeAccuracy.Score(seen, asked);
        Assert.Equal(2.0 / 3, result.Colour, 12); // red yes, blue no, green yes
        Assert.Equal(2.0 / 3, result.Shape, 12); // circle yes, square no, diamond yes
        Assert.Equal(1.0, result.Count);
        Assert.Equal(0.5, result.Overall);
        Assert.Equal("attributes: colour 66.7%, shape 66.7%, count 100.0%, overall 50.0% (2 images)", result.ToString());
    }

    [Fact]
    public void A_smoke_net_reads_the_attributes_of_rendered_scenes_better_than_of_mismatched_prompts_and_is_cached()
    {
        var cache = new ArtifactCache(folder);
        var options = ShapesAttributeNetOptions.For(Profile.Smoke, Train.Name, imageSize: 16, maxCount: 2);
        using var trained = ShapesAttributeNets.LoadOrTrain(Train, options, cache);
        Assert.False(trained.Artifact.Reused);
        using var scope = new DisposeScope();
        var held = new ShapesDataset(Train.Options with { Seed = 10, Count = 128 });
        var images = FeatureExtraction.FirstImages(held, held.Count);
        string[] captions = [.. Enumerable.Range(0, held.Count).Select(i => held.Scene(i).Caption)];
        string[] shifted = [.. captions.Skip(1).Append(captions[0])];
        var right = ShapesAttributeAccuracy.Compute(trained.Net, images, captions, batchSize: 50);
        var wrong = ShapesAttributeAccuracy.Compute(trained.Net, images, shifted);
        Assert.True(right.Colour > 0.8, $"true prompts: {right}");
        Assert.True(right.Colour > wrong.Colour + 0.2 && right.Overall > wrong.Overall, $"true prompts: {right}; shifted prompts: {wrong}");

        using var again = ShapesAttributeNets.LoadOrTrain(Train, options, cache);
        Assert.True(again.Artifact.Reused);
        Assert.Equal(right, ShapesAttributeAccuracy.Compute(again.Net, images, captions));
    }

    [Fact]
    public void The_attribute_net_serves_as_the_feature_net_of_fid_on_shapes()
    {
        using var net = new ShapesAttributeNet(new ShapesAttributeNetOptions { ImageSize = 16, Width = 8, MaxCount = 2 }, new Generator(4));
        net.Eval();
        using var scope = new DisposeScope();
        var scenes = FeatureExtraction.FirstImages(Train, 100);
        var others = FeatureExtraction.FirstImages(new ShapesDataset(Train.Options with { Seed = 12 }), 100);
        var dark = scenes * 0.3;
        Assert.Equal(0, Fid.Compute(net, scenes, scenes).Value, 6);
        var same = Fid.Compute(net, scenes, others).Value;
        var darker = Fid.Compute(net, scenes, dark).Value;
        Assert.True(darker > 2 * same, $"scenes vs other scenes {same}; scenes vs darkened scenes {darker}");
        Assert.Equal(new long[] { 100, 32 }, FeatureExtraction.Features(net, scenes).Shape);
    }

    [Fact]
    public void Mismatched_or_misshapen_inputs_are_rejected_naming_them()
    {
        using var net = new ShapesAttributeNet(new ShapesAttributeNetOptions { ImageSize = 16, Width = 8, MaxCount = 2 });
        using var scope = new DisposeScope();
        Assert.Equal("prompts", Assert.Throws<ArgumentException>(() => ShapesAttributeAccuracy.Compute(net, Tensor.Zeros(2, 3, 16, 16), ["a red circle"])).ParamName);
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => ShapesAttributeAccuracy.Compute(net, Tensor.Zeros(1, 1, 16, 16), ["a red circle"])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => net.Targets([ShapesAttributeCounts.FromCaption("a red circle, a red square and a red diamond")])).ParamName);
        Assert.Equal("seen", Assert.Throws<ArgumentException>(() => ShapesAttributeAccuracy.Score([], [ShapesAttributeCounts.FromCaption("a red circle")])).ParamName);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
