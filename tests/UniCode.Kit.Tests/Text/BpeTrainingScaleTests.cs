using System.Text;
using UniCode.Kit.Text;

namespace UniCode.Kit.Tests.Text;

public sealed class BpeTrainingScaleTests
{
    [Fact]
    public void Training_on_twenty_thousand_sentences_fills_the_vocabulary_and_round_trips()
    {
        var random = new Random(21);
        // Add invented words so the corpus has more distinct pairs than the closed word list alone.
        var corpus = SyntheticCorpus.Sentences(20_000, seed: 20)
            .Select(s => random.Next(3) == 0 ? $"{s} {InventedWord(random)}" : s)
            .ToList();

        var tokenizer = BpeTokenizer.Train(corpus, new BpeTrainerOptions { VocabularySize = 1500 });

        Assert.Equal(1500, tokenizer.VocabularySize);
        long bytes = 0, tokens = 0;
        foreach (var sentence in corpus)
        {
            var ids = tokenizer.Encode(sentence);
            Assert.Equal(sentence, tokenizer.Decode(ids));
            bytes += Encoding.UTF8.GetByteCount(sentence);
            tokens += ids.Length;
        }

        Assert.True(bytes > 3 * tokens, $"{bytes} bytes became {tokens} tokens");
    }

    private static string InventedWord(Random random)
    {
        const string Syllables = "ka lo mi re su ta ne vo zi pu";
        var parts = Syllables.Split(' ');
        return string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => parts[random.Next(parts.Length)]));
    }
}
