using UniCode.Kit.Configuration;
using UniCode.Kit.Training.Tokenizers;
using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Codebooks;

namespace UniCode.Kit.Tests.Training.Tokenizers;

public sealed class TokenizerRecipeTests
{
    private static TokenizerRecipe Shapes => TokenizerRecipe.For(Profile.Smoke, TokenizerKind.HqVae, CodebookParadigm.Separate, "shapes") with { ImageSize = 16 };

    [Fact]
    public void Extra_images_join_the_training_split_generated_with_their_own_seed_then_the_test_scenes()
    {
        var recipe = Shapes with { ExtraImages = new ExtraTrainingImages { GeneratedScenes = 5, TestImages = true } };

        var (plain, test) = TokenizerRecipes.Splits(Shapes);
        var (train, _) = TokenizerRecipes.Splits(recipe);

        Assert.Equal(plain.Count + 5 + test.Count, train.Count);
        Assert.Equal(plain.Get(0).Caption, train.Get(0).Caption);
        Assert.NotEqual(plain.Get(0).Image.Pixels.ToArray(), train.Get(plain.Count).Image.Pixels.ToArray());
        Assert.Equal(test.Get(0).Image.Pixels.ToArray(), train.Get(plain.Count + 5).Image.Pixels.ToArray());
    }

    [Fact]
    public void Generated_extra_images_of_a_dataset_that_is_not_generated_are_refused_by_name()
    {
        var recipe = TokenizerRecipe.For(Profile.Smoke, TokenizerKind.VqGan, CodebookParadigm.Separate) with { ExtraImages = new ExtraTrainingImages { GeneratedScenes = 10 } };

        var error = Assert.Throws<ArgumentException>(recipe.Validate);

        Assert.Contains("fashion-mnist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_network_width_overrides_the_variants_default_and_unset_options_keep_the_recipes_hash()
    {
        var wide = Shapes with { NetworkWidth = 64 };

        Assert.Equal(64, wide.TokenizerOptions(3, 32, 16).Network.Width);
        Assert.Equal(VisualTokenizers.Defaults(TokenizerKind.HqVae).Network.Width, Shapes.TokenizerOptions(3, 32, 16).Network.Width);
        Assert.DoesNotContain("ExtraImages", ConfigHash.CanonicalJson(Shapes), StringComparison.Ordinal);
        Assert.DoesNotContain("NetworkWidth", ConfigHash.CanonicalJson(Shapes), StringComparison.Ordinal);
        Assert.NotEqual(ConfigHash.Of(Shapes), ConfigHash.Of(wide));
        Assert.Throws<ArgumentOutOfRangeException>((Shapes with { NetworkWidth = 4 }).Validate);
    }
}
