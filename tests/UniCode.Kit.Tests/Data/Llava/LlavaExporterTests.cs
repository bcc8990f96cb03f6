using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Data.Llava;
using UniCode.Kit.Data.Shapes;

namespace UniCode.Kit.Tests.Data.Llava;

public sealed class LlavaExporterTests
{
    [Fact]
    public void Exported_shapes_read_back_as_the_same_images_and_questions()
    {
        using var temp = new TempFolder();
        var shapes = new ShapesDataset(new ShapesOptions { Seed = 4, Count = 12 });
        var result = LlavaExporter.Export(shapes, temp.Path, new LlavaExportOptions { Count = 6, Name = "shapes-vqa" });
        Assert.Equal(6, result.Records);
        Assert.Equal(Path.Combine(temp.Path, "shapes-vqa.json"), result.JsonPath);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(temp.Path, "images"), "*.png").Length);

        var records = LlavaJson.Read(result.JsonPath).ToArray();
        Assert.Equal("shapes-vqa-000000", records[0].Id);
        Assert.StartsWith("<image>\n", records[0].Conversations[0].Value, StringComparison.Ordinal);
        var back = LlavaJson.ToDataset(records, result.ImageFolder, new ImageFileOptions { Size = 32 });
        for (var i = 0; i < 6; i++)
        {
            var original = shapes.Get(i);
            var read = back.Get(i);
            Assert.Equal(original.Image.Pixels.ToArray(), read.Image.Pixels.ToArray());
            Assert.Equal(original.QuestionAnswers.Select(q => (q.Question, q.Answer)), read.QuestionAnswers.Select(q => (q.Question, q.Answer)));
        }
    }

    [Fact]
    public void Caption_style_asks_the_prompt_and_answers_with_the_caption()
    {
        using var temp = new TempFolder();
        var test = FashionMnist.Load(FashionMnistSplit.Test);
        var result = LlavaExporter.Export(test, temp.Path, new LlavaExportOptions { Count = 3, Style = LlavaExportStyle.Caption, CaptionPrompt = "What is this?" });
        var records = LlavaJson.Read(result.JsonPath).ToArray();
        Assert.Equal(3, records.Length);
        Assert.Equal("<image>\nWhat is this?", records[0].Conversations[0].Value);
        Assert.Equal("Ankle boot", records[0].Conversations[1].Value);
        var back = LlavaJson.ToDataset(records, result.ImageFolder, new ImageFileOptions { Size = 32, Channels = 1 });
        Assert.Equal(test.Get(2).Image.Pixels.ToArray(), back.Get(2).Image.Pixels.ToArray());
    }

    [Fact]
    public void Caption_and_questions_style_puts_the_caption_turn_first()
    {
        var example = new ShapesDataset(new ShapesOptions { Count = 1 }).Get(0);
        var turns = LlavaExporter.Conversation(example, LlavaExportStyle.CaptionAndQuestions, "Describe.");
        Assert.Equal(2 * (1 + example.QuestionAnswers.Count), turns.Count);
        Assert.Equal(example.Caption, turns[1].Value);
        Assert.Equal(example.QuestionAnswers[0].Question, turns[2].Value);
    }

    [Fact]
    public void Too_many_examples_are_refused_by_option_name()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            LlavaExporter.Export(new ShapesDataset(new ShapesOptions { Count = 2 }), temp.Path, new LlavaExportOptions { Count = 3 }));
        Assert.Contains("Count", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.json"));
    }
}
