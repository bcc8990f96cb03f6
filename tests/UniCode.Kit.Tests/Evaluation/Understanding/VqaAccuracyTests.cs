using UniCode.Kit.Data;
using UniCode.Kit.Evaluation.Understanding;

namespace UniCode.Kit.Tests.Evaluation.Understanding;

public sealed class VqaAccuracyTests
{
    private static readonly QuestionAnswer[] Questions =
    [
        new(QuestionKind.CountAll, "How many objects are there?", "3"),
        new(QuestionKind.ColourAtPosition, "What colour is the object in the centre?", "red"),
        new(QuestionKind.ShapeOfColour, "What shape is the blue object?", "circle"),
        new(QuestionKind.Existence, "Is there a red square in the image?", "no"),
    ];

    [Fact]
    public void Right_answers_in_another_form_score_one()
    {
        var result = VqaAccuracy.Compute(["Three.", " RED", "a circle", "No!"], Questions);
        Assert.Equal(1.0, result.Accuracy);
        Assert.Equal(4, result.Count);
        Assert.All(result.PerKind.Values, v => Assert.Equal(1.0, v));
    }

    [Fact]
    public void Wrong_answers_score_zero()
    {
        var result = VqaAccuracy.Compute(["4", "blue", "square", "yes"], Questions);
        Assert.Equal(0.0, result.Accuracy);
        Assert.Equal(0.0, result.StandardError);
    }

    [Fact]
    public void Mixed_answers_score_per_question_and_per_kind()
    {
        var result = VqaAccuracy.Compute(["3", "blue", "circle", "yes"], Questions);
        Assert.Equal(Math.Sqrt(0.5 * 0.5 / 4), result.StandardError, 12); // two of four right
        Assert.Equal(0.5, result.Accuracy);
        Assert.Equal(1.0, result.PerKind[QuestionKind.CountAll]);
        Assert.Equal(0.0, result.PerKind[QuestionKind.ColourAtPosition]);
        Assert.Equal("VQA accuracy 50.0% over 4 questions (ColourAtPosition 0.0%, ShapeOfColour 100.0%, CountAll 100.0%, Existence 0.0%)", result.ToString());
    }

    [Fact]
    public void Several_references_score_min_of_matches_over_three_and_one()
    {
        string[] humans = ["red", "red", "orange", "Red.", "dark red", "red", "orange", "red", "pink", "orange"];
        Assert.Equal(1.0, VqaAccuracy.Score("red", humans)); // 5 matches
        Assert.Equal(1.0, VqaAccuracy.Score("orange", humans)); // 3 matches
        Assert.Equal(1.0 / 3, VqaAccuracy.Score("pink", humans), 12); // 1 match
        Assert.Equal(2.0 / 3, VqaAccuracy.Score("orange", ["orange", "orange", "red"]), 12);
        Assert.Equal(0.0, VqaAccuracy.Score("blue", humans));

        var result = VqaAccuracy.Compute(["pink", "red"], [humans, ["red"]]);
        Assert.Equal(((1.0 / 3) + 1) / 2, result.Accuracy, 12);
    }

    [Fact]
    public void Bad_inputs_are_rejected_naming_them()
    {
        Assert.Equal("predictions", Assert.Throws<ArgumentException>(() => VqaAccuracy.Compute([], Questions[..0])).ParamName);
        Assert.Equal("references", Assert.Throws<ArgumentException>(() => VqaAccuracy.Compute(["3"], Questions)).ParamName);
        Assert.Equal("references", Assert.Throws<ArgumentException>(() => VqaAccuracy.Score("3", [])).ParamName);
    }
}
