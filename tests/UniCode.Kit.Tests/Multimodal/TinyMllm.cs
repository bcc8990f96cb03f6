using UniCode.Kit.Data.Shapes;
using UniCode.Kit.Language;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Tests.Text;
using UniCode.Kit.Tests.Vision;
using UniCode.Kit.Vision;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Multimodal;

/// <summary>An untrained MLLM small enough for unit tests: the 600-id test tokenizer, a 2-layer LM of d = 16, and a
/// tiny RGB tokenizer whose codebook is K x 16 (K = V under Unified, 32 otherwise).</summary>
internal sealed class TinyMllm : IDisposable
{
    public TinyMllm(MllmParadigm paradigm, TokenizerKind kind = TokenizerKind.HqVae, int context = 160)
    {
        var text = TestTokenizers.Small;
        var codebook = paradigm == MllmParadigm.Unified ? text.VocabularySize : 32;
        Tokenizer = VisualTokenizers.Create(TinyTokenizers.Options(kind, channels: 3, codebookSize: codebook, dim: 16), new Generator(1));
        Tokenizer.Eval();
        var language = new Transformer(TransformerOptions.Llama(text.VocabularySize, dim: 16, layers: 2, heads: 2, context: context) with { Seed = 2 });
        Model = new Mllm(language, Tokenizer, text, paradigm, codebookScale: 2.0, seed: 3);
    }

    public static ShapesDataset Shapes { get; } = new(new ShapesOptions { Size = 16, Count = 64, Seed = 4 });

    public VisualTokenizer Tokenizer { get; }

    public Mllm Model { get; }

    public void Dispose()
    {
        Model.Dispose();
        Tokenizer.Dispose();
    }
}
