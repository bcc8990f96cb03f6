using UniCode.Kit.Configuration;
using UniCode.Kit.Data;
using UniCode.Kit.Text;
using UniCode.Torch;

namespace UniCode.Kit.Training.Language;

/// <summary>
/// The language model's BPE tokenizer: trained on the pre-training corpus to a vocabulary of V ids, which is also K,
/// the unified codebook's size. Cached by the hash of this record.
/// </summary>
public sealed record TextTokenizerRecipe : IOptions
{
    /// <summary>The artifact kind.</summary>
    public const string ArtifactKind = "bpe";

    private const string FileName = "tokenizer.json";

    /// <summary>V (at most; BPE stops early when no pair repeats). The kit's default, 1024, equals K of the tokenizers.</summary>
    public int VocabularySize { get; init; } = 1024;

    /// <summary>The text it is trained on.</summary>
    public PretrainingCorpusOptions Corpus { get; init; } = new();

    /// <inheritdoc/>
    public void Validate()
    {
        OptionCheck.AtLeast(VocabularySize, 256 + SpecialTokens.Reserved.Count, nameof(VocabularySize));
        (Corpus ?? throw new ArgumentNullException(nameof(Corpus))).Validate();
    }

    /// <summary>The tokenizer: from the cache when it holds it, else trained on the corpus and published.</summary>
    /// <param name="cache">The artifact cache (default: the kit's).</param>
    /// <param name="log">Says whether it was reused or trained.</param>
    public BpeTokenizer TrainOrLoad(ArtifactCache? cache = null, TextWriter? log = null)
    {
        Validate();
        cache ??= ArtifactCache.Default();
        log ??= TextWriter.Null;
        var artifact = cache.GetOrCreate(ArtifactKind, this, folder =>
        {
            var corpus = PretrainingCorpus.Build(Corpus);
            log.WriteLine($"text tokenizer: training BPE to {VocabularySize} ids on {corpus.Count} texts");
            BpeTokenizer.Train(corpus.Texts, new BpeTrainerOptions { VocabularySize = VocabularySize }).Save(Path.Combine(folder, FileName));
        });
        if (artifact.Reused)
        {
            log.WriteLine($"text tokenizer: reused the cached artifact {artifact.Hash[..ConfigHash.ShortLength]} ({artifact.Folder})");
        }

        return BpeTokenizer.Load(Path.Combine(artifact.Folder, FileName));
    }
}
