using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Data.Shapes;

namespace UniCode.Kit.Data;

/// <summary>
/// The text the kit's language model is pre-trained on (DESIGN §6): WordNet glosses for general English, plus the
/// image datasets' captions and question-answer text, so that the words the MLLM tasks use are known before Stage I.
/// </summary>
public static class PretrainingCorpus
{
    /// <summary>Builds the corpus (each source in a fixed order; the gloss sample is seeded).</summary>
    /// <param name="options">What to include.</param>
    /// <param name="roots">Where the Debian data is (default: the installed packages).</param>
    public static TextCorpus Build(PretrainingCorpusOptions? options = null, DataRoots? roots = null)
    {
        options ??= new PretrainingCorpusOptions();
        options.Validate();
        roots ??= DataRoots.Default;
        var texts = new List<string>();
        if (options.Glosses != 0)
        {
            var glosses = WordNetGlosses.Load(new WordNetOptions { Root = roots.WordNet }).Texts;
            texts.AddRange(options.Glosses < 0 || options.Glosses >= glosses.Count
                ? glosses
                : new SeededRandom(options.Seed).Permutation(glosses.Count)[..options.Glosses].Order().Select(i => glosses[i]));
        }

        if (options.ShapesScenes > 0)
        {
            var shapes = new ShapesDataset(options.ShapesOptions);
            for (var i = 0; i < options.ShapesScenes; i++)
            {
                texts.Add(shapes.Scene(i).Caption);
                texts.AddRange(shapes.QuestionsAt(i).Select(qa => $"{qa.Question} {qa.Answer}"));
            }
        }

        if (options.EmojiCaptions)
        {
            var emoji = EmojiDataset.Load(new EmojiOptions { Root = roots.Emoji, Split = EmojiSplit.Train });
            texts.AddRange(Enumerable.Range(0, emoji.Count).Select(i => emoji.Get(i).Caption));
        }

        if (options.FashionClassNames)
        {
            texts.AddRange(FashionMnist.Classes.Select(c => $"This is a {c.ToLowerInvariant()}."));
        }

        return new TextCorpus("pretraining", texts);
    }
}
