using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Tests.Configuration;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Data.Datasets;

/// <summary>The options of the embedded datasets' loaders (one file: each record has a few checks).</summary>
public sealed class DatasetOptionsTests : OptionsContract
{
    public static TheoryData<IOptions> Defaults() =>
        [new FashionMnistOptions(), new EmojiOptions(), new ImageFileOptions(), new WordNetOptions(), new DataRoots()];

    public static TheoryData<IOptions, string> Invalid() => new()
    {
        { new FashionMnistOptions { Root = "" }, nameof(FashionMnistOptions.Root) },
        { new FashionMnistOptions { Size = 0 }, nameof(FashionMnistOptions.Size) },
        { new FashionMnistOptions { Size = 5000 }, nameof(FashionMnistOptions.Size) },
        { new FashionMnistOptions { Channels = 2 }, nameof(FashionMnistOptions.Channels) },
        { new FashionMnistOptions { Fit = (FashionMnistFit)9 }, nameof(FashionMnistOptions.Fit) },
        { new EmojiOptions { Root = " " }, nameof(EmojiOptions.Root) },
        { new EmojiOptions { Size = 0 }, nameof(EmojiOptions.Size) },
        { new EmojiOptions { Size = 4097 }, nameof(EmojiOptions.Size) },
        { new EmojiOptions { Channels = 4 }, nameof(EmojiOptions.Channels) },
        { new EmojiOptions { Split = (EmojiSplit)7 }, nameof(EmojiOptions.Split) },
        { new EmojiOptions { HeldOutFraction = 1 }, nameof(EmojiOptions.HeldOutFraction) },
        { new EmojiOptions { HeldOutFraction = -0.1 }, nameof(EmojiOptions.HeldOutFraction) },
        { new EmojiOptions { HeldOutFraction = double.NaN }, nameof(EmojiOptions.HeldOutFraction) },
        { new EmojiOptions { MaxCaptionKeywords = -1 }, nameof(EmojiOptions.MaxCaptionKeywords) },
        { new ImageFileOptions { Size = 0 }, nameof(ImageFileOptions.Size) },
        { new ImageFileOptions { Size = 4097 }, nameof(ImageFileOptions.Size) },
        { new ImageFileOptions { Channels = 0 }, nameof(ImageFileOptions.Channels) },
        { new WordNetOptions { Root = "" }, nameof(WordNetOptions.Root) },
        { new WordNetOptions { Files = [] }, nameof(WordNetOptions.Files) },
        { new WordNetOptions { Files = null! }, nameof(WordNetOptions.Files) },
        { new WordNetOptions { Files = ["noun", "pronoun"] }, nameof(WordNetOptions.Files) },
        { new DataRoots { FashionMnist = "" }, nameof(DataRoots.FashionMnist) },
        { new DataRoots { Emoji = "" }, nameof(DataRoots.Emoji) },
        { new DataRoots { WordNet = "  " }, nameof(DataRoots.WordNet) },
    };

    [Fact]
    public void Loaders_Validate_What_They_Receive()
    {
        Assert.Equal("Channels", Assert.Throws<ArgumentOutOfRangeException>(() => FashionMnist.Load(options: new FashionMnistOptions { Channels = 2 })).ParamName);
        Assert.Equal("Size", Assert.Throws<ArgumentOutOfRangeException>(() => EmojiDataset.Load(new EmojiOptions { Size = 0 })).ParamName);
        Assert.Equal("Size", Assert.Throws<ArgumentOutOfRangeException>(() => new ImageFileDataset("x", [], options: new ImageFileOptions { Size = 0 })).ParamName);
        Assert.Equal("Files", Assert.Throws<ArgumentOutOfRangeException>(() => WordNetGlosses.ReadEntries(new WordNetOptions { Files = ["x"] }).ToList()).ParamName);
        Assert.Equal("WordNet", Assert.Throws<ArgumentException>(() => DatasetCatalog.Describe("wordnet", new DataRoots { WordNet = "" })).ParamName);
    }
}
