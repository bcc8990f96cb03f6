using UniCode.Kit.Data.Llava;
using UniCode.Torch;
using UniCode.Torch.Imaging;

namespace UniCode.Cli.Tests.Commands;

public sealed class DataCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("unicode-cli-data-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Prepare_check_only_lists_every_dataset()
    {
        var (code, output, error) = CliRunner.Run("data", "prepare", "--check-only");

        Assert.True(code == 0, output + error);
        foreach (var name in new[] { "fashion-mnist", "emoji", "shapes", "wordnet" })
        {
            Assert.Contains(name, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Show_writes_a_grid_png_of_the_requested_examples()
    {
        var path = Path.Combine(folder, "grid.png");

        var (code, output, error) = CliRunner.Run("data", "show", "shapes", "--count", "4", "--out", path, "--scale", "1");

        Assert.True(code == 0, output + error);
        using var scope = new DisposeScope();
        var image = ImageIO.Read(path);
        Assert.Equal(3, image.Size(2));
        Assert.True(image.Size(1) >= 2 * 32, "two columns of 32-pixel tiles");
        Assert.True(image.Float().Std().ToDouble() > 10, "the grid is not blank");
    }

    [Fact]
    public void Show_rejects_an_unknown_dataset_by_name()
    {
        var (code, _, error) = CliRunner.Run("data", "show", "cifar", "--out", Path.Combine(folder, "x.png"));

        Assert.NotEqual(0, code);
        Assert.Contains("cifar", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "x.png")));
    }

    [Fact]
    public void Export_writes_llava_json_that_the_kit_reads_back()
    {
        var output = Path.Combine(folder, "export");

        var (code, text, error) = CliRunner.Run("data", "export", "shapes", "--out", output, "--count", "3", "--style", "Questions");

        Assert.True(code == 0, text + error);
        var json = Assert.Single(Directory.GetFiles(output, "*.json"));
        var records = LlavaJson.Read(json).ToList();
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.True(File.Exists(Path.Combine(output, r.Image!)) || File.Exists(Path.Combine(output, "images", r.Image!)), r.Image));
        Assert.All(records, r => Assert.Contains("<image>", r.Conversations[0].Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Convert_pairs_turns_an_image_and_caption_folder_into_a_caption_list()
    {
        var pairs = Path.Combine(folder, "pairs");
        Directory.CreateDirectory(pairs);
        using (var scope = new DisposeScope())
        {
            ImageIO.Write(Path.Combine(pairs, "000001.png"), Tensor.Zeros([4, 4, 3], DType.UInt8));
        }

        File.WriteAllText(Path.Combine(pairs, "000001.txt"), "a black square");
        var list = Path.Combine(folder, "captions.tsv");

        var (code, text, error) = CliRunner.Run("data", "convert-pairs", "--folder", pairs, "--out", list);

        Assert.True(code == 0, text + error);
        Assert.Contains("wrote 1 image/caption pairs", text, StringComparison.Ordinal);
        Assert.Contains("a black square", File.ReadAllText(list), StringComparison.Ordinal);
    }
}
