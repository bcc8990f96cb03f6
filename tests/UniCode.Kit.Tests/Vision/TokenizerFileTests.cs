using UniCode.Kit.Vision;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Vision;

public sealed class TokenizerFileTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"unicode-tokenizer-{Guid.NewGuid():N}.safetensors");

    [Theory]
    [InlineData(TokenizerKind.VqGan)]
    [InlineData(TokenizerKind.RqVae)]
    [InlineData(TokenizerKind.HqVae)]
    public void A_saved_tokenizer_loads_with_its_options_and_decodes_the_same(TokenizerKind kind)
    {
        using var scope = new DisposeScope();
        using var tokenizer = TinyTokenizers.Create(kind, seed: 8);
        using (new DisposeScope())
        {
            tokenizer.Forward(TinyTokenizers.Images(4, 1, 16)); // moves the EMA codebook off its initial values
        }

        tokenizer.Eval();
        TokenizerFile.Save(tokenizer, path);
        using var loaded = TokenizerFile.Load(path);
        Assert.Equal(kind, loaded.Kind);
        Assert.Equal(TokenizerFile.Metadata(tokenizer), TokenizerFile.Metadata(loaded));
        loaded.Eval();
        var images = TinyTokenizers.Images(2, 1, 16, seed: 3);
        using var codes = tokenizer.Encode(images);
        using var again = loaded.Encode(images);
        Assert.True(codes.Flatten().Equal(again.Flatten()));
        Assert.True(tokenizer.Decode(codes).Equal(loaded.Decode(again)));
    }

    [Fact]
    public void A_file_without_tokenizer_metadata_is_rejected_by_name()
    {
        using (var scope = new DisposeScope())
        {
            Torch.Serialization.SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = Tensor.Zeros(2) });
        }

        var e = Assert.Throws<InvalidDataException>(() => TokenizerFile.Load(path));
        Assert.Contains(path, e.Message);
    }

    public void Dispose() => File.Delete(path);
}
