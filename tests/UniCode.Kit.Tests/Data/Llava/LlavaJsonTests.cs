using UniCode.Kit.Data;
using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Data.Llava;
using UniCode.Kit.Text;

namespace UniCode.Kit.Tests.Data.Llava;

public sealed class LlavaJsonTests
{
    private const string Valid = """
        [
          {"id": "000000033471", "image": "coco/a.png",
           "conversations": [
             {"from": "human", "value": "<image>\nWhat colour is the bus?"},
             {"from": "gpt", "value": "The bus is red."},
             {"from": "human", "value": "How many wheels?"},
             {"from": "gpt", "value": "Four."}]},
          {"id": 42, "conversations": [
             {"from": "human", "value": "Say hello."},
             {"from": "gpt", "value": "Hello."}]},
          {"id": "GCC_train_1", "image": "b.jpg",
           "conversations": [
             {"from": "human", "value": "Describe the image.\n<image>"},
             {"from": "gpt", "value": "a blue square"}]}
        ]
        """;

    [Fact]
    public void Reads_image_and_text_only_records_with_their_turns()
    {
        using var temp = new TempFolder();
        var path = temp.File("data.json");
        File.WriteAllText(path, Valid);
        var records = LlavaJson.Read(path).ToArray();
        Assert.Equal(3, records.Length);
        Assert.Equal("000000033471", records[0].Id);
        Assert.Equal("coco/a.png", records[0].Image);
        Assert.Equal(4, records[0].Conversations.Count);
        Assert.Equal("42", records[1].Id);
        Assert.Null(records[1].Image);
        Assert.Equal(
            [new QuestionAnswer(QuestionKind.Open, "What colour is the bus?", "The bus is red."), new QuestionAnswer(QuestionKind.Open, "How many wheels?", "Four.")],
            records[0].ToQuestionAnswers());
        Assert.Equal("Describe the image.", records[2].ToQuestionAnswers()[0].Question);
    }

    [Fact]
    public void Records_feed_the_chat_template_with_image_slots_and_answer_labels()
    {
        using var temp = new TempFolder();
        var path = temp.File("data.json");
        File.WriteAllText(path, Valid);
        var records = LlavaJson.Read(path).ToArray();
        var tokenizer = BpeTokenizer.Train(records.SelectMany(r => r.Conversations.Select(t => t.Value)), new BpeTrainerOptions { VocabularySize = 300 });
        var template = new ChatTemplate(tokenizer, new ChatTemplateOptions { ImageTokenCount = 4 });

        var withImage = template.Encode(records[0].ToDialogue());
        var textOnly = template.Encode(records[1].ToDialogue());

        Assert.Equal(4, Assert.Single(withImage.ImageSpans).Count);
        Assert.Empty(textOnly.ImageSpans);
        var answers = tokenizer.Decode([.. withImage.Labels.Where(l => l != ChatExample.IgnoreIndex)], skipSpecialTokens: true);
        Assert.Equal("The bus is red.Four.", answers);
    }

    [Fact]
    public void Image_records_become_a_dataset_with_images_resolved_under_the_folder()
    {
        using var temp = new TempFolder();
        var path = temp.File("data.json");
        File.WriteAllText(path, Valid);
        TestImages.Write(temp.File("images/coco/a.png"), 40, 40, 200, 10, 10);
        TestImages.Write(temp.File("images/b.jpg"), 20, 30, 10, 10, 200);
        var dataset = LlavaJson.ToDataset(LlavaJson.Read(path), Path.Combine(temp.Path, "images"), new ImageFileOptions { Size = 8 });
        Assert.Equal(2, dataset.Count);
        Assert.Equal(Path.Combine(temp.Path, "images", "coco", "a.png"), dataset.Entries[0].Path);
        var first = dataset.Get(0);
        Assert.Equal("The bus is red.", first.Caption);
        Assert.Equal(2, first.QuestionAnswers.Count);
        Assert.Equal((8, 8, 3), (first.Image.Height, first.Image.Width, first.Image.Channels));
        Assert.Equal(200, first.Image[3, 3, 0]);
        Assert.InRange((int)dataset.Get(1).Image[4, 4, 2], 190, 210);
    }

    [Fact]
    public void A_missing_image_file_is_reported_with_its_path()
    {
        using var temp = new TempFolder();
        var path = temp.File("data.json");
        File.WriteAllText(path, Valid);
        var error = Assert.Throws<FileNotFoundException>(() => LlavaJson.ToDataset(LlavaJson.Read(path), temp.Path));
        Assert.Contains(Path.Combine(temp.Path, "coco", "a.png"), error.Message);
    }

    [Theory]
    [InlineData("""[{"id": "a", "image": "x.png", "conversations": [{"from": "human", "value": "no token"}, {"from": "gpt", "value": "x"}]}]""", "exactly one <image>")]
    [InlineData("""[{"id": "a", "conversations": [{"from": "gpt", "value": "x"}, {"from": "human", "value": "y"}]}]""", "turn 0 is from \"gpt\"")]
    [InlineData("""[{"id": "a", "conversations": [{"from": "human", "value": "x"}]}]""", "found 1 turns")]
    [InlineData("""[{"id": "a", "image": "x.png"}]""", "\"conversations\" array")]
    [InlineData("""[{"image": "x.png", "conversations": []}]""", "\"id\"")]
    [InlineData("""[{"id": "a", "conversations": [{"from": "human", "value": "<image> hi"}, {"from": "gpt", "value": "x"}]}]""", "text-only record")]
    [InlineData("""[3]""", "expected an object")]
    public void A_malformed_record_names_the_file_and_record_index(string json, string reason)
    {
        using var temp = new TempFolder();
        var path = temp.File("bad.json");
        var valid = """{"id": "ok", "conversations": [{"from": "human", "value": "q"}, {"from": "gpt", "value": "a"}]}""";
        File.WriteAllText(path, "[" + valid + ", " + json.TrimStart('['));
        var records = LlavaJson.Read(path).GetEnumerator();
        Assert.True(records.MoveNext());
        var error = Assert.Throws<InvalidDataException>(() => records.MoveNext());
        Assert.Contains($"{path}: record 1", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Broken_json_syntax_names_the_file_record_and_line()
    {
        using var temp = new TempFolder();
        var path = temp.File("broken.json");
        File.WriteAllText(path, "[\n{\"id\": \"a\", \"conversations\": [{\"from\": \"human\", \"value\": \"q\"}, {\"from\": \"gpt\", \"value\": \"a\"}]},\n{\"id\": \"b\", \"conversations\": [ oops ]}\n]");
        var error = Assert.Throws<InvalidDataException>(() => LlavaJson.Read(path).ToArray());
        Assert.Contains(path, error.Message);
        Assert.Contains("record 1", error.Message);
        Assert.Contains("line 3", error.Message);

        File.WriteAllText(path, """{"id": "not an array"}""");
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => LlavaJson.Read(path).ToArray()).Message);
    }

    [Fact]
    public void Write_then_read_returns_the_records()
    {
        using var temp = new TempFolder();
        var source = temp.File("in.json");
        File.WriteAllText(source, Valid);
        var records = LlavaJson.Read(source).ToArray();
        var copy = temp.File("out/copy.json");
        Assert.Equal(3, LlavaJson.Write(copy, records));
        var back = LlavaJson.Read(copy).ToArray();
        Assert.Equal(records.Select(r => (r.Id, r.Image)), back.Select(r => (r.Id, r.Image)));
        Assert.Equal(records.SelectMany(r => r.Conversations), back.SelectMany(r => r.Conversations));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(copy)!, "*.tmp"));
    }
}
