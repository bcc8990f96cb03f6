using UniCode.Kit.Data;
using UniCode.Kit.Experiments.Figures;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Reporting.Images;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Experiments.Figures;

public sealed class SampleGridsTests
{
    private static VqaSample Sample(int i) =>
        new(RawImage.Filled(32, 32, (byte)(10 * i), 0, 0), new QuestionAnswer(QuestionKind.ColourAtPosition, $"What colour is {i}?", "red"), "blue");

    [Fact]
    public void Answers_shows_the_first_eight_samples_in_rows_of_four_at_128_pixels()
    {
        var grid = SampleGrids.Answers(Enumerable.Range(0, 12).Select(Sample));

        Assert.Equal(SampleGrids.Shown, grid.Count);
        Assert.Equal(4, grid.Columns);
        Assert.Equal(128, grid.CellWidth);
        Assert.True(grid.CaptionHeight > 0);
    }

    [Fact]
    public void Answers_shows_one_question_per_scene_before_a_second_question_of_any()
    {
        // Scenes 0, 0, 0, 1, 1, 2: three scenes, then the next questions in order.
        var samples = new[] { 0, 0, 0, 1, 1, 2 }.Select(Sample).ToList();

        var grid = SampleGrids.Answers(samples, 4);

        // Scene i is filled with red 10 i: the tiles show scenes 0, 1, 2 and then scene 0's second question.
        Assert.Equal([0, 10, 20, 0], Enumerable.Range(0, 4).Select(k => RedAtCentre(grid, k)));
    }

    private static int RedAtCentre(ImageGrid grid, int tile)
    {
        var (x, y, width, height) = grid.TileBounds(tile);
        using var pixels = grid.ToTensor();
        return pixels.ToArray<byte>()[(((y + (height / 2)) * grid.Width) + x + (width / 2)) * 3];
    }

    [Fact]
    public void Answers_refuses_an_empty_list()
    {
        Assert.Throws<ArgumentException>(() => SampleGrids.Answers([]));
    }

    [Fact]
    public void Drawn_shows_the_first_images_under_their_prompts_and_refuses_a_prompt_count_that_differs()
    {
        using var scope = new DisposeScope();
        var images = Tensor.Rand(10, 3, 16, 16);

        var grid = SampleGrids.Drawn(images, [.. Enumerable.Range(0, 10).Select(i => $"prompt {i}")]);

        Assert.Equal(SampleGrids.Shown, grid.Count);
        Assert.Equal(128, grid.CellWidth);
        Assert.Contains("3 prompts", Assert.Throws<ArgumentException>(() => SampleGrids.Drawn(images, ["a", "b", "c"])).Message, StringComparison.Ordinal);
    }
}
