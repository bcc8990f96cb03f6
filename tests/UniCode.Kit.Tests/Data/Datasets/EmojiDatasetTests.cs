using UniCode.Kit.Data.Datasets;
using UniCode.Torch.Imaging;

namespace UniCode.Kit.Tests.Data.Datasets;

public sealed class EmojiDatasetTests
{
    [Fact]
    public void Loads_every_emoji_of_the_Debian_gem_with_a_caption()
    {
        var root = EmojiIndex.FindGem();
        Assert.NotNull(root);
        var pngs = Directory.GetFiles(Path.Combine(root, "assets", "png"), "*.png").Length;
        var emoji = EmojiDataset.Load();
        Assert.Equal(1794, emoji.Count);
        Assert.Equal(pngs, emoji.Count);
        Assert.Equal(emoji.Count, emoji.Entries.Select(e => e.ImagePath).Distinct().Count());
        for (var i = 0; i < emoji.Count; i++)
        {
            var example = emoji.Get(i);
            Assert.Equal((32, 32, 3), (example.Image.Height, example.Image.Width, example.Image.Channels));
            Assert.False(string.IsNullOrWhiteSpace(example.Caption));
            Assert.StartsWith(emoji.Entries[i].Name, example.Caption, StringComparison.Ordinal);
            Assert.Contains(emoji.Entries[i].Category, example.Caption, StringComparison.Ordinal);
            Assert.Equal(emoji.Entries[i].Category, emoji.ClassNames[(int)example.Label]);
        }
    }

    [Fact]
    public void Captions_join_name_category_and_keywords()
    {
        var billiards = EmojiIndex.Read().Single(e => e.Key == "8ball");
        Assert.Equal("billiards, activity emoji: pool, eight ball, pocket ball, cue, game", billiards.Caption());
        Assert.Equal("billiards, activity emoji", billiards.Caption(0));
    }

    [Fact]
    public void Compositing_leaves_no_alpha_and_white_where_the_png_was_transparent()
    {
        var emoji = EmojiDataset.Load(new EmojiOptions { Size = 64 });
        var checkedTransparent = 0;
        for (var i = 0; i < emoji.Count; i += 37)
        {
            using var raw = ImageIO.Read(emoji.Entries[i].ImagePath, ImageMode.Rgba);
            var rgba = raw.ToArray<byte>();
            var image = emoji.Get(i).Image;
            Assert.Equal(3, image.Channels);
            for (var p = 0; p < 64 * 64; p++)
            {
                var alpha = rgba[(p * 4) + 3];
                for (var c = 0; c < 3; c++)
                {
                    var expected = alpha == 0 ? 255 : alpha == 255 ? rgba[(p * 4) + c] : -1;
                    if (expected >= 0)
                    {
                        Assert.Equal(expected, image.Pixels[(p * 3) + c]);
                    }
                }

                checkedTransparent += alpha == 0 ? 1 : 0;
            }
        }

        Assert.True(checkedTransparent > 10_000, $"only {checkedTransparent} transparent pixels were checked");
    }

    [Fact]
    public void The_held_out_split_is_a_seeded_tenth_disjoint_from_train()
    {
        var train = EmojiDataset.Load(new EmojiOptions { Split = EmojiSplit.Train, Size = 16 });
        var heldOut = EmojiDataset.Load(new EmojiOptions { Split = EmojiSplit.HeldOut, Size = 16 });
        Assert.Equal(180, heldOut.Count); // ceil(1794 * 0.1)
        Assert.Equal(1794, train.Count + heldOut.Count);
        Assert.Empty(train.Entries.Select(e => e.Key).Intersect(heldOut.Entries.Select(e => e.Key)));
        Assert.Equal(train.ClassNames, heldOut.ClassNames);

        var again = EmojiDataset.HeldOutKeys(EmojiIndex.Read(), 0.1, 0);
        var other = EmojiDataset.HeldOutKeys(EmojiIndex.Read(), 0.1, 1);
        Assert.True(again.SetEquals(heldOut.Entries.Select(e => e.Key)));
        Assert.False(other.SetEquals(again));
    }

    [Fact]
    public void A_missing_gem_names_the_apt_package()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<DatasetNotInstalledException>(() => EmojiDataset.Load(new EmojiOptions { Root = temp.Path }));
        Assert.Contains("ruby-gemojione", error.Message);
        Assert.Contains(Path.Combine(temp.Path, "config", "index.json"), error.Message);
    }

    [Fact]
    public void A_malformed_index_raises_an_error_naming_the_file_and_entry()
    {
        using var temp = new TempFolder();
        var index = temp.File("config/index.json");
        File.WriteAllText(index, """{"smile": {"unicode": "1F604", "category": "people"}}""");
        var error = Assert.Throws<InvalidDataException>(() => EmojiIndex.Read(temp.Path));
        Assert.Contains(index, error.Message);
        Assert.Contains("smile", error.Message);
        Assert.Contains("name", error.Message);

        File.WriteAllText(index, "{not json");
        Assert.Contains(index, Assert.Throws<InvalidDataException>(() => EmojiIndex.Read(temp.Path)).Message);
    }

    [Fact]
    public void A_listed_png_that_is_missing_or_corrupt_is_an_error_naming_it()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("config/index.json"), """{"smile": {"unicode": "1F604", "name": "smiling face", "category": "people", "keywords": ["happy"]}}""");
        var png = Path.Combine(temp.Path, "assets", "png", "1F604.png");
        Assert.Contains(png, Assert.Throws<InvalidDataException>(() => EmojiDataset.Load(new EmojiOptions { Root = temp.Path })).Message);
        File.WriteAllBytes(temp.File("assets/png/1F604.png"), [1, 2, 3, 4]);
        Assert.Contains(png, Assert.Throws<InvalidDataException>(() => EmojiDataset.Load(new EmojiOptions { Root = temp.Path })).Message);
    }
}
