using UniCode.Kit.Data;
using UniCode.Kit.Data.Shapes;
using UniCode.Kit.Multimodal.Tasks;

namespace UniCode.Kit.Tests.Multimodal;

public sealed class MllmTasksTests
{
    private static readonly ShapesDataset Shapes = new(new ShapesOptions { Count = 6, Size = 32, Seed = 3 });

    [Fact]
    public void Vqa_has_one_example_per_question_with_the_image_as_input()
    {
        var set = MllmTasks.Vqa(Shapes);
        var expected = Enumerable.Range(0, Shapes.Count).Sum(i => Shapes.QuestionsAt(i).Count);

        Assert.Equal(expected, set.Count);
        var first = set[0];
        var qa = Shapes.QuestionsAt(0)[0];
        Assert.Equal(TaskKind.Vqa, first.Kind);
        Assert.Equal($"<image>\n{qa.Question}", first.Dialogue.Turns[0].Value);
        Assert.Equal(qa.Answer, first.Answer);
        Assert.Equal([ImagePart.InputCodes], first.Parts);
        Assert.False(first.GeneratesImage);
    }

    [Fact]
    public void Vqa_keeps_only_the_asked_question_kinds()
    {
        var set = MllmTasks.Vqa(Shapes, [QuestionKind.CountAll]);

        Assert.NotEmpty(set);
        Assert.All(set, e => Assert.Contains("How many", e.Dialogue.Turns[0].Value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Vqa_dialogues_ask_every_question_once_in_turns_about_one_scene_with_the_image_in_the_first()
    {
        var set = MllmTasks.Vqa(Shapes, questionsPerDialogue: 4);

        var asked = new List<(int Scene, string Question, string Answer)>();
        foreach (var example in set)
        {
            var turns = example.Dialogue.Turns;
            Assert.InRange(turns.Count / 2, 1, 4);
            Assert.Equal([ImagePart.InputCodes], example.Parts);
            Assert.StartsWith("<image>\n", turns[0].Value, StringComparison.Ordinal);
            Assert.All(turns.Skip(1), t => Assert.DoesNotContain("<image>", t.Value, StringComparison.Ordinal));
            var scene = int.Parse(example.Dialogue.Id.Split('#')[1].Split('/')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(Shapes.Get(scene).Image.Pixels.ToArray(), example.Image.Pixels.ToArray());
            for (var t = 0; t < turns.Count; t += 2)
            {
                asked.Add((scene, turns[t].Value.Replace("<image>\n", "", StringComparison.Ordinal), turns[t + 1].Value));
            }
        }

        var expected = Enumerable.Range(0, Shapes.Count).SelectMany(i => Shapes.QuestionsAt(i).Select(q => (i, q.Question, q.Answer)));
        Assert.Equal(expected.Order(), asked.Order());
        Assert.True(set.Count < asked.Count / 3, "most dialogues carry four questions");
    }

    [Fact]
    public void Vqa_dialogues_are_the_same_in_every_build_and_shuffle_a_scene_s_questions()
    {
        var first = MllmTasks.Vqa(Shapes, questionsPerDialogue: 4);
        var again = MllmTasks.Vqa(Shapes, questionsPerDialogue: 4);

        Assert.Equal(first.Select(e => e.Dialogue.Turns.Select(t => t.Value)), again.Select(e => e.Dialogue.Turns.Select(t => t.Value)));
        var opening = first.Select(e => e.Prompt).ToHashSet();
        Assert.True(opening.Count > Shapes.Count, "dialogues do not all open with the scene's first question");
        Assert.Throws<ArgumentOutOfRangeException>(() => MllmTasks.Vqa(Shapes, questionsPerDialogue: 0));
    }

    [Fact]
    public void Text_to_image_asks_for_the_caption_and_answers_with_the_image()
    {
        var example = MllmTasks.TextToImage(Shapes)[2];
        var caption = Shapes.Get(2).Caption;

        Assert.Equal(TaskPrompts.DrawCaption(caption), example.Dialogue.Turns[0].Value);
        Assert.Equal(TaskPrompts.Image, example.Dialogue.Turns[1].Value);
        Assert.Equal([ImagePart.AnswerCodes], example.Parts);
        Assert.True(example.GeneratesImage);
        Assert.Equal(caption, example.Prompt);
    }

    [Fact]
    public void Class_tasks_use_the_lower_case_class_name()
    {
        var dataset = new LabelledImages(["T-shirt/top", "Trouser"], [1, 0, 1]);

        Assert.Equal("trouser", MllmTasks.ClassQuestions(dataset)[0].Answer);
        Assert.Equal(TaskPrompts.DrawClass("t-shirt/top"), MllmTasks.ClassToImage(dataset)[1].Dialogue.Turns[0].Value);
    }

    [Fact]
    public void Unconditional_generation_takes_only_the_one_class()
    {
        var dataset = new LabelledImages(["a", "b"], [1, 0, 1, 1, 0]);
        var set = MllmTasks.Unconditional(dataset, 1);

        Assert.Equal(3, set.Count);
        Assert.All(set, e => Assert.Equal(1, e.Label));
        Assert.All(set, e => Assert.Equal(TaskPrompts.DrawAnything, e.Dialogue.Turns[0].Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => MllmTasks.Unconditional(dataset, 2));
    }

    [Fact]
    public void Decompression_reads_embeddings_and_writes_codes()
    {
        var example = MllmTasks.Decompression(Shapes)[0];

        Assert.Equal([ImagePart.InputEmbeddings, ImagePart.AnswerCodes], example.Parts);
        Assert.True(example.GeneratesImage);
    }

    [Fact]
    public void Segmented_decompression_has_one_round_per_segment()
    {
        var example = MllmTasks.SegmentedDecompression(Shapes, 4)[0];

        Assert.Equal(8, example.Dialogue.Turns.Count);
        Assert.Equal(8, example.Parts.Count);
        Assert.Equal(new ImagePart(ImageForm.Embeddings, false, 2, 4), example.Parts[4]);
        Assert.Equal(new ImagePart(ImageForm.Codes, true, 2, 4), example.Parts[5]);
        Assert.Equal((8, 4), example.Parts[4].CellRange(16));
    }

    [Fact]
    public void A_segment_count_that_does_not_divide_the_grid_is_an_error()
    {
        var part = new ImagePart(ImageForm.Embeddings, false, 0, 3);

        var error = Assert.Throws<ArgumentException>(() => part.CellRange(16));
        Assert.Contains("16 cells", error.Message);
    }
}
