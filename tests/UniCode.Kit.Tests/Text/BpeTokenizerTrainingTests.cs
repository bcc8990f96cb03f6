using UniCode.Kit.Text;

namespace UniCode.Kit.Tests.Text;

public sealed class BpeTokenizerTrainingTests
{
    private const int FirstMergeId = 256 + 8;

    [Fact]
    public void A_frequent_word_becomes_one_token()
    {
        var corpus = Enumerable.Repeat("the cat sat on the mat with another cat", 50).ToList();
        var tokenizer = BpeTokenizer.Train(corpus, new BpeTrainerOptions { VocabularySize = 400 });

        Assert.Single(tokenizer.Encode("the"));
        Assert.Single(tokenizer.Encode(" cat"));
        Assert.Single(tokenizer.Encode(" another"));
        // Per line "a"+"t" (cat x2, sat, mat) and "t"+"h" (the x2, with, another) both occur 4 times, more
        // than any other pair; the tie goes to the smaller left id.
        Assert.Equal(((int)'a', (int)'t'), tokenizer.Merges[0]);
    }

    [Fact]
    public void The_vocabulary_has_exactly_the_requested_size_when_the_corpus_has_enough_pairs()
    {
        var tokenizer = BpeTokenizer.Train(SyntheticCorpus.Sentences(2000, seed: 1), new BpeTrainerOptions { VocabularySize = 500 });

        Assert.Equal(500, tokenizer.VocabularySize);
        Assert.Equal(500 - FirstMergeId, tokenizer.MergeCount);
    }

    [Fact]
    public void Training_stops_early_when_no_pair_occurs_twice_and_never_exceeds_the_size()
    {
        var tokenizer = BpeTokenizer.Train(["abab xy"], new BpeTrainerOptions { VocabularySize = 1000 });

        // "abab": (a,b) occurs twice and is merged; after that no pair occurs twice.
        Assert.Equal(FirstMergeId + 1, tokenizer.VocabularySize);
        Assert.Equal([FirstMergeId, FirstMergeId], tokenizer.Encode("abab"));
    }

    [Fact]
    public void Ties_go_to_the_smaller_left_id_then_the_smaller_right_id()
    {
        // Pieces "zy", " ca", " ac", " zy", " ca", " ac": the pairs zy, " c", ca, " a" and ac all occur twice,
        // and the smallest (left, right) among them is (' ', 'a').
        var tokenizer = BpeTokenizer.Train(["zy ca ac zy ca ac"], new BpeTrainerOptions { VocabularySize = FirstMergeId + 1 });

        Assert.Equal(((int)' ', (int)'a'), tokenizer.Merges[0]);
    }

    [Fact]
    public void Two_trainings_on_the_same_corpus_give_identical_json()
    {
        var corpus = SyntheticCorpus.Sentences(1500, seed: 2);
        var options = new BpeTrainerOptions { VocabularySize = 420 };

        Assert.Equal(BpeTokenizer.Train(corpus, options).ToJson(), BpeTokenizer.Train(corpus, options).ToJson());
    }

    [Fact]
    public void Incremental_training_learns_the_same_merges_as_a_full_recount_per_merge()
    {
        var corpus = SyntheticCorpus.Sentences(800, seed: 3).Append("aaaaaa aaa abab baba ...... !!!! 1111").ToList();
        var tokenizer = BpeTokenizer.Train(corpus, new BpeTrainerOptions { VocabularySize = 450 });

        Assert.Equal(NaiveMerges(corpus, 450 - FirstMergeId, minFrequency: 2), tokenizer.Merges);
    }

    [Fact]
    public void Encoding_a_training_word_gives_the_segmentation_training_ended_with()
    {
        var corpus = SyntheticCorpus.Sentences(1500, seed: 4).Append("aaaaaaa aaaa abababab").ToList();
        var trainer = BpeTrainer.Run(corpus, FirstMergeId, maxMerges: 300, minPairFrequency: 2);
        var tokenizer = new BpeTokenizer(SpecialTokens.Reserved, trainer.Merges);

        for (var w = 0; w < trainer.Words.Length; w++)
        {
            Assert.Equal(trainer.Segmentation(w), tokenizer.Encode(trainer.Words[w]));
            Assert.Equal(trainer.Segmentation(w), tokenizer.EncodeWordUncached(trainer.Words[w]));
        }
    }

    [Fact]
    public void Reserved_special_tokens_take_the_ids_after_the_bytes_and_additional_ones_follow()
    {
        var tokenizer = BpeTokenizer.Train(["some text"], new BpeTrainerOptions { AdditionalSpecialTokens = ["<|decompress|>"] });

        Assert.Equal(
            [256, 257, 258, 259, 260, 261, 262, 263],
            [tokenizer.BosId, tokenizer.EosId, tokenizer.PadId, tokenizer.ImageBeginId, tokenizer.ImageEndId,
             tokenizer.ImageId, tokenizer.UserId, tokenizer.AssistantId]);
        Assert.Equal(
            SpecialTokens.Reserved.Select((_, i) => 256 + i),
            SpecialTokens.Reserved.Select(tokenizer.GetSpecialTokenId));
        Assert.Equal(264, tokenizer.GetSpecialTokenId("<|decompress|>"));
        Assert.True(tokenizer.IsSpecialToken(264));
        Assert.False(tokenizer.IsSpecialToken(265));
        Assert.Throws<ArgumentException>(() => tokenizer.GetSpecialTokenId("<|nope|>"));
    }

    [Fact]
    public void A_vocabulary_too_small_for_bytes_and_special_tokens_is_rejected_naming_the_option()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => BpeTokenizer.Train(["x"], new BpeTrainerOptions { VocabularySize = 263 }));

        Assert.Contains("VocabularySize", error.ParamName);
    }

    [Fact]
    public void Bad_options_and_corpus_items_are_rejected_with_clear_messages()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BpeTokenizer.Train(["x"], new BpeTrainerOptions { MinPairFrequency = 0 }));
        Assert.Contains("appears twice", Assert.Throws<ArgumentException>(
            () => BpeTokenizer.Train(["x"], new BpeTrainerOptions { AdditionalSpecialTokens = ["<|eos|>"] })).Message);
        Assert.Contains("Corpus item 1 is null", Assert.Throws<ArgumentException>(
            () => BpeTokenizer.Train(["ok", null!])).Message);
        var surrogate = Assert.Throws<ArgumentException>(() => BpeTokenizer.Train(["ok", "bad \uDC01"]));
        Assert.Contains("Corpus item 1", surrogate.Message);
        Assert.Contains("index 4", surrogate.Message);
    }

    /// <summary>Textbook BPE: recount every pair before each merge; same tie rule as the kit.</summary>
    private static List<(int, int)> NaiveMerges(IEnumerable<string> corpus, int maxMerges, int minFrequency)
    {
        var words = new Dictionary<string, long>();
        var pieces = new List<(int Start, int Length)>();
        foreach (var text in corpus)
        {
            pieces.Clear();
            PreTokenizer.Split(text, pieces);
            foreach (var (start, length) in pieces)
            {
                var word = text.Substring(start, length);
                words[word] = words.GetValueOrDefault(word) + 1;
            }
        }

        var segmentations = words.Keys.ToDictionary(w => w, w => System.Text.Encoding.UTF8.GetBytes(w).Select(b => (int)b).ToList());
        var merges = new List<(int, int)>();
        while (merges.Count < maxMerges)
        {
            var pairs = new Dictionary<(int, int), long>();
            foreach (var (word, symbols) in segmentations)
            {
                for (var i = 0; i + 1 < symbols.Count; i++)
                {
                    pairs[(symbols[i], symbols[i + 1])] = pairs.GetValueOrDefault((symbols[i], symbols[i + 1])) + words[word];
                }
            }

            if (pairs.Count == 0)
            {
                break;
            }

            var best = pairs.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2).First();
            if (best.Value < minFrequency)
            {
                break;
            }

            var id = FirstMergeId + merges.Count;
            merges.Add(best.Key);
            foreach (var symbols in segmentations.Values)
            {
                for (var i = 0; i + 1 < symbols.Count; i++)
                {
                    if ((symbols[i], symbols[i + 1]) == best.Key)
                    {
                        symbols[i] = id;
                        symbols.RemoveAt(i + 1);
                    }
                }
            }
        }

        return merges;
    }
}
