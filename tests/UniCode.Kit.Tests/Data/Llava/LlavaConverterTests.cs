using UniCode.Kit.Data.Llava;

namespace UniCode.Kit.Tests.Data.Llava;

public sealed class LlavaConverterTests
{
    private const string Mix = """
        [
          {"id": "1", "image": "coco/a.png", "conversations": [{"from": "human", "value": "<image>\nDescribe."}, {"from": "gpt", "value": "a red\tsquare\non white"}]},
          {"id": "2", "image": "coco/missing.png", "conversations": [{"from": "human", "value": "<image>\nDescribe."}, {"from": "gpt", "value": "lost"}]},
          {"id": "3", "conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello"}]},
          {"id": "4", "image": "coco/b.png", "conversations": [{"from": "human", "value": "<image>\nQ1"}, {"from": "gpt", "value": "A1"}, {"from": "human", "value": "Q2"}, {"from": "gpt", "value": "A2"}]}
        ]
        """;

    [Fact]
    public void Converting_keeps_records_with_images_and_text_and_lists_single_turn_captions()
    {
        using var temp = new TempFolder();
        var input = temp.File("download/llava_v1_5_mix665k.json");
        File.WriteAllText(input, Mix);
        TestImages.Write(temp.File("download/images/coco/a.png"), 8, 8, 255, 0, 0);
        TestImages.Write(temp.File("download/images/coco/b.png"), 8, 8, 0, 255, 0);
        var output = Path.Combine(temp.Path, "kit");
        var report = LlavaConverter.Convert(input, Path.Combine(temp.Path, "download", "images"), output);
        Assert.Equal((4, 3, 1, 1, 1), (report.Read, report.Written, report.TextOnly, report.MissingImages, report.Captions));

        var manifest = LlavaConverter.OpenManifest(output);
        Assert.Equal(Path.Combine(temp.Path, "download", "images"), manifest.ImageFolder);
        var records = LlavaJson.Read(manifest.Conversations).ToArray();
        Assert.Equal(["1", "3", "4"], records.Select(r => r.Id));
        Assert.Equal([new CaptionRecord("coco/a.png", "a red square on white")], CaptionList.Read(manifest.Captions));
        var dataset = LlavaJson.ToDataset(records, manifest.ImageFolder);
        Assert.Equal(2, dataset.Count);
        Assert.Equal(255, dataset.Get(1).Image[0, 0, 1]);
    }

    [Fact]
    public void Limit_and_strict_missing_images_are_honoured()
    {
        using var temp = new TempFolder();
        var input = temp.File("in.json");
        File.WriteAllText(input, Mix);
        TestImages.Write(temp.File("images/coco/a.png"), 8, 8, 255, 0, 0);
        var images = Path.Combine(temp.Path, "images");
        var limited = LlavaConverter.Convert(input, images, Path.Combine(temp.Path, "one"), new LlavaConvertOptions { Limit = 1 });
        Assert.Equal((1, 1), (limited.Read, limited.Written));
        var error = Assert.Throws<FileNotFoundException>(() =>
            LlavaConverter.Convert(input, images, Path.Combine(temp.Path, "strict"), new LlavaConvertOptions { DropMissingImages = false }));
        Assert.Contains("record 1", error.Message);
        Assert.Contains("missing.png", error.Message);
        Assert.False(File.Exists(Path.Combine(temp.Path, "strict", "conversations.json")));
    }
}
