using UniCode.Kit.Multimodal;

namespace UniCode.Kit.Tests.Multimodal;

public sealed class ImageVocabularyTests
{
    [Fact]
    public void Unified_codes_are_the_language_models_own_token_ids()
    {
        var vocabulary = new ImageVocabulary(MllmParadigm.Unified, 1024, 1024);

        Assert.Equal(0, vocabulary.TokenOf(0));
        Assert.Equal(1023, vocabulary.TokenOf(1023));
        Assert.Equal(1024, vocabulary.LanguageVocabularySize);
        Assert.Equal(17, vocabulary.CodeOf(17));
    }

    [Fact]
    public void SeparateVocab_appends_K_new_ids_after_the_text_vocabulary()
    {
        var vocabulary = new ImageVocabulary(MllmParadigm.SeparateVocab, 600, 256);

        Assert.Equal(600, vocabulary.TokenOf(0));
        Assert.Equal(855, vocabulary.TokenOf(255));
        Assert.Equal(856, vocabulary.LanguageVocabularySize);
        Assert.Equal(5, vocabulary.CodeOf(605));
        Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary.CodeOf(599));
    }

    [Fact]
    public void A_unified_codebook_larger_than_the_vocabulary_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new ImageVocabulary(MllmParadigm.Unified, 600, 1024));
        Assert.Contains("1024", error.Message);
    }

    [Fact]
    public void Projector_has_no_code_tokens()
    {
        var vocabulary = new ImageVocabulary(MllmParadigm.Projector, 600, 1024);

        Assert.False(vocabulary.HasCodeTokens);
        Assert.Throws<InvalidOperationException>(() => vocabulary.TokenOf(3));
    }

    [Fact]
    public void Out_of_range_codes_name_the_valid_range()
    {
        var vocabulary = new ImageVocabulary(MllmParadigm.Unified, 1024, 512);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary.TokenOf(512));
        Assert.Contains("0..511", error.Message);
    }
}
