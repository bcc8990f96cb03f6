using UniCode.Kit.Configuration;
using UniCode.Kit.Experiments;
using UniCode.Kit.Experiments.Figures;
using UniCode.Kit.Reporting.Images;
using UniCode.Kit.Tests.Data;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Experiments.Figures;

public sealed class ResultFileNamesTests
{
    [Theory]
    [InlineData("VQA %", "vqa")]
    [InlineData("cos(C, C_L)", "cos_c_c_l")]
    [InlineData("w/o ImgDe class", "w_o_imgde_class")]
    [InlineData("test 24, trained at 24 answers", "test_24_trained_at_24_answers")]
    public void A_slug_keeps_lower_case_letters_and_digits_joined_by_single_underscores(string text, string slug)
    {
        Assert.Equal(slug, ResultFileNames.Slug(text));
    }

    [Fact]
    public void Charts_and_figures_are_named_after_their_table()
    {
        Assert.Equal("table10_usage.png", ResultFileNames.Chart("table10", "usage %"));
        Assert.Equal("table1_unified_drawn.png", ResultFileNames.Figure("table1", "Unified drawn"));
    }

    [Fact]
    public void A_context_refuses_a_second_figure_that_would_overwrite_the_first_ones_file()
    {
        using var temp = new TempFolder();
        using var images = Tensor.Zeros(1, 1, 4, 4);
        var grid = ImageGrid.Create(images);
        var context = new ExperimentContext(Profile.Smoke, new ArtifactCache(temp.Path), null, TextWriter.Null);

        context.Show("Unified drawn", "drawn", grid);

        Assert.Throws<ArgumentException>(() => context.Show("unified: drawn", "again", grid));
        Assert.Single(context.Figures);
    }
}
