using UniCode.Kit.Data;
using UniCode.Kit.Data.Shapes;
using UniCode.Torch.Imaging;

namespace UniCode.Kit.Tests.Data.Shapes;

public sealed class ShapesGeneratorTests
{
    private static readonly Dictionary<ShapeColour, (int R, int G, int B)> Palette = ShapeAttributes.Colours.ToDictionary(
        c => c, c => ((int)ShapeAttributes.Value(c).R, (int)ShapeAttributes.Value(c).G, (int)ShapeAttributes.Value(c).B));

    [Fact]
    public void Scenes_hold_one_to_four_objects_in_distinct_cells_without_overlap()
    {
        var generator = new ShapesGenerator(new ShapesOptions { Seed = 11 });
        var counts = new int[5];
        for (var i = 0; i < 1000; i++)
        {
            var scene = generator.Scene(i);
            var objects = scene.Objects;
            Assert.InRange(objects.Count, 1, 4);
            counts[objects.Count]++;
            Assert.Equal(objects.Count, objects.Select(o => (o.Row, o.Column)).Distinct().Count());
            Assert.Equal(objects.OrderBy(o => o.Row).ThenBy(o => o.Column), objects);
            foreach (var o in objects)
            {
                // The circumcircle lies inside the object's own cell, so no two objects can touch.
                Assert.InRange(o.CenterX - o.Radius, o.Column / 3.0, 1);
                Assert.InRange(o.CenterX + o.Radius, 0, (o.Column + 1) / 3.0);
                Assert.InRange(o.CenterY - o.Radius, o.Row / 3.0, 1);
                Assert.InRange(o.CenterY + o.Radius, 0, (o.Row + 1) / 3.0);
            }

            for (var a = 0; a < objects.Count; a++)
            {
                for (var b = a + 1; b < objects.Count; b++)
                {
                    var distance = Math.Sqrt(Math.Pow(objects[a].CenterX - objects[b].CenterX, 2) + Math.Pow(objects[a].CenterY - objects[b].CenterY, 2));
                    Assert.True(distance > objects[a].Radius + objects[b].Radius);
                }
            }
        }

        Assert.All(counts[1..], c => Assert.InRange(c, 200, 300));
    }

    [Fact]
    public void Scenes_use_four_shapes_six_colours_and_two_sizes()
    {
        var generator = new ShapesGenerator();
        var objects = Enumerable.Range(0, 500).SelectMany(i => generator.Scene(i).Objects).ToArray();
        Assert.Equal(4, objects.Select(o => o.Shape).Distinct().Count());
        Assert.Equal(6, objects.Select(o => o.Colour).Distinct().Count());
        Assert.Equal(2, objects.Select(o => o.Size).Distinct().Count());
        Assert.Equal(6, ShapeAttributes.Colours.Select(ShapeAttributes.Name).Distinct().Count());
    }

    [Fact]
    public void Same_seed_gives_the_same_scenes_images_and_questions()
    {
        var a = new ShapesDataset(new ShapesOptions { Seed = 5, Count = 20 });
        var b = new ShapesDataset(new ShapesOptions { Seed = 5, Count = 20 });
        var c = new ShapesDataset(new ShapesOptions { Seed = 6, Count = 20 });
        var differentImages = 0;
        for (var i = 0; i < 20; i++)
        {
            var ea = a.Get(i);
            var eb = b.Get(i);
            Assert.Equal(ea.Image.Pixels.ToArray(), eb.Image.Pixels.ToArray());
            Assert.Equal(ea.Caption, eb.Caption);
            Assert.Equal(ea.QuestionAnswers, eb.QuestionAnswers);
            Assert.Equal(a.Scene(i).Objects, b.Scene(i).Objects);
            differentImages += ea.Image.Pixels.SequenceEqual(c.Get(i).Image.Pixels) ? 0 : 1;
        }

        Assert.True(differentImages >= 18);
    }

    [Fact]
    public void A_scene_is_regenerated_from_its_seed_and_index_alone()
    {
        var dataset = new ShapesDataset(new ShapesOptions { Seed = 9, Count = 300 });
        var lone = new ShapesGenerator(new ShapesOptions { Seed = 9, Count = 1 });
        var scene = lone.Scene(271);
        Assert.Equal(dataset.Scene(271).Objects, scene.Objects);
        Assert.Equal(dataset.Get(271).Image.Pixels.ToArray(), lone.Render(scene).Pixels.ToArray());
        Assert.Equal(dataset.QuestionsAt(271), dataset.Get(271).QuestionAnswers);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(48)]
    public void Pixels_at_object_centres_have_the_object_colour_exactly_at_higher_resolutions(int size)
    {
        var generator = new ShapesGenerator(new ShapesOptions { Seed = 2, Size = size });
        for (var i = 0; i < 100; i++)
        {
            var scene = generator.Scene(i);
            var image = generator.Render(scene);
            foreach (var o in scene.Objects)
            {
                var (r, g, b) = Palette[o.Colour];
                var (x, y) = ((int)(o.CenterX * size), (int)(o.CenterY * size));
                Assert.Equal((r, g, b), At(image, x, y));
            }
        }
    }

    [Fact]
    public void Pixels_at_object_centres_are_nearest_to_the_object_colour_at_32()
    {
        var generator = new ShapesGenerator(new ShapesOptions { Seed = 3 });
        for (var i = 0; i < 300; i++)
        {
            var scene = generator.Scene(i);
            var image = generator.Render(scene);
            Assert.Equal((32, 32, 3), (image.Height, image.Width, image.Channels));
            foreach (var o in scene.Objects)
            {
                var (x, y) = ((int)(o.CenterX * 32), (int)(o.CenterY * 32));
                var pixel = At(image, x, y);
                var nearest = Palette.OrderBy(p => Distance(p.Value, pixel)).First().Key;
                Assert.Equal(o.Colour, nearest);
            }

            // Objects stay inside their cells, so the image corners show the background (at most a trace of
            // anti-aliasing from an edge less than a pixel away).
            Assert.All(new[] { At(image, 0, 0), At(image, 31, 0), At(image, 0, 31), At(image, 31, 31) }, p => Assert.True(Math.Min(p.R, Math.Min(p.G, p.B)) >= 240, $"corner {p}"));
        }
    }

    [Fact]
    public void Shapes_are_drawn_anti_aliased_at_the_target_resolution()
    {
        var generator = new ShapesGenerator(new ShapesOptions { Seed = 4, Background = Rgb.Black });
        var image = generator.Render(generator.Scene(0));
        var palette = Palette.Values.Append((0, 0, 0)).ToHashSet();
        var blended = 0;
        for (var p = 0; p < 32 * 32; p++)
        {
            var pixel = ((int)image.Pixels[p * 3], (int)image.Pixels[(p * 3) + 1], (int)image.Pixels[(p * 3) + 2]);
            blended += palette.Contains(pixel) ? 0 : 1;
        }

        Assert.True(blended > 0, "anti-aliasing leaves edge pixels between the object and background colours");
        Assert.Equal((0, 0, 0), At(image, 0, 0));
    }

    [Fact]
    public void The_caption_lists_every_object_with_size_colour_shape_and_cell()
    {
        var generator = new ShapesGenerator(new ShapesOptions { Seed = 8 });
        for (var i = 0; i < 200; i++)
        {
            var scene = generator.Scene(i);
            var caption = scene.Caption;
            foreach (var o in scene.Objects)
            {
                Assert.Contains($"a {ShapeAttributes.Name(o.Size)} {ShapeAttributes.Name(o.Colour)} {ShapeAttributes.Name(o.Shape)} in the {ShapesQuestionsTests.CellName(o.Row, o.Column)}", caption, StringComparison.Ordinal);
            }

            Assert.Equal(scene.Objects.Count, caption.Split(" in the ").Length - 1);
        }
    }

    [Fact]
    public void Bad_options_are_refused_by_name()
    {
        Assert.Contains("MaxObjects", Assert.Throws<ArgumentOutOfRangeException>(() => new ShapesGenerator(new ShapesOptions { MaxObjects = 10 })).Message);
        Assert.Contains("Size", Assert.Throws<ArgumentOutOfRangeException>(() => new ShapesGenerator(new ShapesOptions { Size = 8 })).Message);
    }

    private static (int R, int G, int B) At(RawImage image, int x, int y) => (image[x, y, 0], image[x, y, 1], image[x, y, 2]);

    private static double Distance((int R, int G, int B) a, (int R, int G, int B) b) =>
        Math.Pow(a.R - b.R, 2) + Math.Pow(a.G - b.G, 2) + Math.Pow(a.B - b.B, 2);
}
