using UniCode.Kit.Data;
using UniCode.Kit.Data.Batching;
using UniCode.Kit.Data.Shapes;
using UniCode.Kit.Tests.Data.Shapes;

namespace UniCode.Kit.Tests.Data;

public sealed class VqaViewTests
{
    [Fact]
    public void The_vqa_view_pairs_each_image_with_one_question()
    {
        var dataset = new ShapesDataset(new ShapesOptions { Seed = 1, Count = 10 });
        var view = new VqaView(dataset, [QuestionKind.CountAll, QuestionKind.Existence]);
        Assert.Equal(Enumerable.Range(0, 10).Sum(i => dataset.QuestionsAt(i).Count(q => q.Kind is QuestionKind.CountAll or QuestionKind.Existence)), view.Count);
        for (var k = 0; k < view.Count; k++)
        {
            var example = view.Get(k);
            var qa = Assert.Single(example.QuestionAnswers);
            Assert.Equal(ShapesQuestionsTests.Derive(dataset.Scene(view.SourceIndexOf(k)).Objects, qa.Question), qa.Answer);
            Assert.Equal(dataset.Get(view.SourceIndexOf(k)).Image.Pixels.ToArray(), example.Image.Pixels.ToArray());
        }

        using var batch = ImageBatcher.Collate(view, [0, 1, 2]);
        Assert.Equal(["How many objects are there?"], batch.Questions.Take(1));
        Assert.Equal(view.Get(2).QuestionAnswers[0].Answer, batch.Answers[2]);
    }
}
