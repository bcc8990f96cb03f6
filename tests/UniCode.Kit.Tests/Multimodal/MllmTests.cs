using UniCode.Kit.Multimodal;
using UniCode.Kit.Multimodal.Sequences;
using UniCode.Kit.Multimodal.Tasks;
using UniCode.Kit.Vision;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Multimodal;

public sealed class MllmTests
{
    [Fact]
    public void Unified_feeds_z_hat_over_s_at_the_soft_slots_and_token_embeddings_elsewhere()
    {
        using var scope = new DisposeScope();
        using var tiny = new TinyMllm(MllmParadigm.Unified);
        var model = tiny.Model;
        var example = MllmTasks.Decompression(TinyMllm.Shapes)[0];
        using var encoded = model.Encode([example.Image]);
        var sequence = model.NewLayout().Lay(example, encoded.Images[0]);
        using var batch = MultimodalBatch.Collate([sequence], model.Text.PadId, encoded.Images[0].Cells);
        model.Eval();

        var logits = model.Forward(batch, encoded.SoftSource);

        // By hand: E[ids] with row slot.Position replaced by Ẑ[slot.Cell] / s.
        var embeddings = model.Language.Embed(batch.Ids).Clone(); // (1, T, d)
        var zHat = encoded.SoftSource / model.CodebookScale; // (1, ĥŵ, d)
        foreach (var slot in sequence.SoftSlots)
        {
            embeddings.Narrow(1, slot.Position, 1).CopyFrom(zHat.Narrow(1, slot.Cell, 1));
        }

        Assert.NotEmpty(sequence.SoftSlots);
        Assert.True(logits.AllClose(model.Language.ForwardEmbeddings(embeddings), 1e-5, 1e-5));
    }

    [Fact]
    public void Separate_vocab_grows_the_vocabulary_by_k_and_projects_z_hat()
    {
        using var scope = new DisposeScope();
        using var tiny = new TinyMllm(MllmParadigm.SeparateVocab);

        Assert.Equal(tiny.Model.Text.VocabularySize + 32, tiny.Model.Language.VocabSize);
        Assert.Equal(tiny.Model.Text.VocabularySize, tiny.Model.Vocabulary.FirstCodeId);
        Assert.Contains(tiny.Model.NamedParameters(), p => p.Name.StartsWith("projector.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_projector_reads_continuous_features_of_the_coarsest_grid()
    {
        using var scope = new DisposeScope();
        using var tiny = new TinyMllm(MllmParadigm.Projector);
        var image = TinyMllm.Shapes.Get(0).Image;

        using var encoded = tiny.Model.Encode([image]);
        using var codes = tiny.Tokenizer.Encode(Tensor.Stack([image.ToChw()]));

        Assert.Equal([1, codes.Height * codes.Width, tiny.Tokenizer.Codebook.Shape[1]], encoded.SoftSource.Shape);
        Assert.False(encoded.SoftSource.AllClose(tiny.Tokenizer.Aggregate(codes)));
    }

    [Fact]
    public void A_unified_codebook_of_another_width_than_the_lm_is_refused()
    {
        using var scope = new DisposeScope();
        var text = Tests.Text.TestTokenizers.Small;
        using var tokenizer = VisualTokenizers.Create(Tests.Vision.TinyTokenizers.Options(TokenizerKind.VqGan, 3, text.VocabularySize, 8), new Generator(0));
        using var language = new Kit.Language.Transformer(Kit.Language.TransformerOptions.Llama(text.VocabularySize, dim: 16, layers: 1, heads: 2, context: 32));

        var error = Assert.Throws<ArgumentException>(() => new Mllm(language, tokenizer, text, MllmParadigm.Unified));

        Assert.Contains("8-dimensional", error.Message);
    }
}
