using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Data.Llava;

namespace UniCode.Kit.Tests.Data.Llava;

public sealed class CaptionListTests
{
    [Theory]
    [InlineData("list.tsv")]
    [InlineData("list.jsonl")]
    public void Write_then_read_returns_the_records(string name)
    {
        using var temp = new TempFolder();
        var path = temp.File(name);
        CaptionRecord[] records = [new("a/1.jpg", "a dog on a beach"), new("b/2.png", "two \"quoted\" cats, a bowl")];
        CaptionList.Write(path, records);
        Assert.Equal(records, CaptionList.Read(path));
    }

    [Fact]
    public void Tsv_reads_with_or_without_header_and_skips_blank_lines()
    {
        using var temp = new TempFolder();
        var path = temp.File("cc3m.tsv");
        File.WriteAllText(path, "x.jpg\ta red bus\n\ny.jpg\ta green tree\n");
        Assert.Equal([new CaptionRecord("x.jpg", "a red bus"), new CaptionRecord("y.jpg", "a green tree")], CaptionList.Read(path));
    }

    [Fact]
    public void A_malformed_tsv_line_names_the_file_and_line()
    {
        using var temp = new TempFolder();
        var path = temp.File("bad.tsv");
        File.WriteAllText(path, "image\tcaption\nx.jpg\tfine\nno tab here\n");
        var error = Assert.Throws<InvalidDataException>(() => CaptionList.Read(path).ToArray());
        Assert.Contains($"{path}:3", error.Message);
        File.WriteAllText(path, "x.jpg\t \n");
        Assert.Contains($"{path}:1", Assert.Throws<InvalidDataException>(() => CaptionList.Read(path).ToArray()).Message);
    }

    [Fact]
    public void A_malformed_jsonl_line_names_the_file_and_line()
    {
        using var temp = new TempFolder();
        var path = temp.File("bad.jsonl");
        File.WriteAllText(path, "{\"image\": \"a.jpg\", \"caption\": \"ok\"}\n{\"image\": \"b.jpg\"}\n");
        Assert.Contains($"{path}:2", Assert.Throws<InvalidDataException>(() => CaptionList.Read(path).ToArray()).Message);
        File.WriteAllText(path, "{\"image\": \"a.jpg\", \"caption\": \"ok\"}\n{broken\n");
        Assert.Contains($"{path}:2", Assert.Throws<InvalidDataException>(() => CaptionList.Read(path).ToArray()).Message);
    }

    [Fact]
    public void Unknown_extensions_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CaptionList.Read("captions.csv"));
    }

    [Fact]
    public void Caption_lists_become_datasets_and_img2dataset_folders_become_caption_lists()
    {
        using var temp = new TempFolder();
        TestImages.Write(temp.File("shards/00000/000000001.jpg"), 16, 16, 250, 250, 250);
        File.WriteAllText(temp.File("shards/00000/000000001.txt"), "a white square\n");
        TestImages.Write(temp.File("shards/00000/000000002.png"), 16, 16, 0, 0, 0);
        File.WriteAllText(temp.File("shards/00000/000000002.txt"), "a black\nsquare");
        TestImages.Write(temp.File("shards/00000/000000003.png"), 16, 16, 0, 0, 0); // no caption: skipped
        var list = temp.File("cc3m.tsv");
        Assert.Equal(2, LlavaConverter.ConvertImageTextPairs(Path.Combine(temp.Path, "shards"), list));
        var records = CaptionList.Read(list).ToArray();
        Assert.Equal([new CaptionRecord(Path.Combine("00000", "000000001.jpg"), "a white square"), new CaptionRecord(Path.Combine("00000", "000000002.png"), "a black square")], records);
        var dataset = CaptionList.ToDataset(records, Path.Combine(temp.Path, "shards"), new ImageFileOptions { Size = 4, Channels = 1 });
        Assert.Equal("a black square", dataset.Get(1).Caption);
        Assert.Equal(0, dataset.Get(1).Image[2, 2, 0]);
        Assert.InRange((int)dataset.Get(0).Image[2, 2, 0], 245, 255);
    }
}
