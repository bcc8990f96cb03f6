using UniCode.Kit.Text;

namespace UniCode.Kit.Tests.Text;

/// <summary>Tokenizers shared by tests, trained once.</summary>
internal static class TestTokenizers
{
    private static readonly Lazy<BpeTokenizer> English = new(
        () => BpeTokenizer.Train(SyntheticCorpus.Sentences(3000, seed: 7), new BpeTrainerOptions { VocabularySize = 600 }));

    /// <summary>Trained on ASCII English-like sentences: everything else is unseen.</summary>
    public static BpeTokenizer Small => English.Value;
}
