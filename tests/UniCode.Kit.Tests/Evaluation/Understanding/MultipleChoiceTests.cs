using UniCode.Kit.Data.Datasets;
using UniCode.Kit.Evaluation.Understanding;

namespace UniCode.Kit.Tests.Evaluation.Understanding;

public sealed class MultipleChoiceTests
{
    private static readonly string[] Choices = ["T-shirt/top", "Trouser", "Pullover", "Dress"];

    [Theory]
    [InlineData("B", 1)]
    [InlineData("b", 1)]
    [InlineData("(b)", 1)]
    [InlineData("b) trouser", 1)]
    [InlineData("B. Trouser", 1)]
    [InlineData("D:", 3)]
    [InlineData("Answer: C", 2)]
    [InlineData("The answer is (A).", 0)]
    [InlineData("Trouser", 1)]
    [InlineData("a dress.", 3)]
    [InlineData("It looks like a pullover to me", 2)]
    [InlineData("t-shirt/top", 0)]
    public void Replies_name_an_option_by_letter_or_by_text(string reply, int expected) =>
        Assert.Equal(expected, MultipleChoiceAnswer.Parse(reply, Choices));

    [Theory]
    [InlineData("E")]
    [InlineData("Bag")]
    [InlineData("a dress or a trouser")]
    [InlineData("")]
    public void Replies_that_name_no_single_option_are_unparsed(string reply) =>
        Assert.Null(MultipleChoiceAnswer.Parse(reply, Choices));

    [Fact]
    public void Questions_hold_the_true_class_and_distinct_distractors_and_are_seeded()
    {
        long[] labels = [.. Enumerable.Range(0, 50).Select(i => (long)(i % 10))];
        var questions = MultipleChoiceSet.Build(labels, FashionMnist.Classes, new MultipleChoiceOptions { Choices = 4, Seed = 2 });
        Assert.All(questions, q =>
        {
            Assert.Equal(4, q.Choices.Count);
            Assert.Equal(4, q.Choices.Distinct().Count());
            Assert.Equal(FashionMnist.Classes[(int)labels[q.Example]], q.Answer);
        });
        Assert.True(questions.Select(q => q.AnswerIndex).Distinct().Count() == 4, "the true class should appear at every position");
        var again = MultipleChoiceSet.Build(labels, FashionMnist.Classes, new MultipleChoiceOptions { Choices = 4, Seed = 2 });
        Assert.Equal(questions.Select(q => q.Prompt), again.Select(q => q.Prompt));
        var other = MultipleChoiceSet.Build(labels, FashionMnist.Classes, new MultipleChoiceOptions { Choices = 4, Seed = 3 });
        Assert.NotEqual(questions.Select(q => q.Prompt), other.Select(q => q.Prompt));
    }

    [Fact]
    public void The_prompt_letters_the_options_in_order()
    {
        var question = new MultipleChoiceQuestion(0, "What is shown in the image?", ["Bag", "Sneaker"], 1, "Answer with the letter.");
        Assert.Equal("What is shown in the image?\nA. Bag\nB. Sneaker\nAnswer with the letter.", question.Prompt);
        Assert.Equal('B', question.AnswerLetter);
    }

    [Fact]
    public void Accuracy_counts_right_letters_and_texts_and_unparsed_replies_as_wrong()
    {
        MultipleChoiceQuestion[] questions =
        [
            new(0, "Q", Choices, 1, ""),
            new(1, "Q", Choices, 0, ""),
            new(2, "Q", Choices, 3, ""),
            new(3, "Q", Choices, 2, ""),
        ];
        var result = MultipleChoiceAccuracy.Compute(["(B)", "t-shirt/top", "C", "no idea"], questions);
        Assert.Equal((2, 1, 4), (result.Correct, result.Unparsed, result.Count));
        Assert.Equal(0.5, result.Accuracy);
        Assert.Equal("multiple-choice accuracy 50.0% (2 of 4; 1 reply named no option)", result.ToString());
    }

    [Fact]
    public void Bad_inputs_are_rejected_naming_them()
    {
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => MultipleChoiceSet.Build([], FashionMnist.Classes)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentOutOfRangeException>(() => MultipleChoiceSet.Build([10], FashionMnist.Classes)).ParamName);
        Assert.Equal("classNames", Assert.Throws<ArgumentException>(() => MultipleChoiceSet.Build([0], ["a", "b"])).ParamName);
        Assert.Equal("replies", Assert.Throws<ArgumentException>(() => MultipleChoiceAccuracy.Compute(["A"], [new(0, "Q", Choices, 0, ""), new(1, "Q", Choices, 0, "")])).ParamName);
    }
}
