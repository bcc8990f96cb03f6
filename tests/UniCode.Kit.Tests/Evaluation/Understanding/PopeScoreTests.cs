using UniCode.Kit.Evaluation.Understanding;

namespace UniCode.Kit.Tests.Evaluation.Understanding;

public sealed class PopeScoreTests
{
    [Fact]
    public void A_hand_counted_confusion_matrix_gives_the_pope_scores()
    {
        // 6 present, 4 absent. Replies: present → yes, yes, yes, yes, no, no; absent → yes, no, no, no.
        // TP 4, FN 2, FP 1, TN 3: accuracy 7/10, precision 4/5, recall 4/6, F1 2·0.8·(2/3)/(0.8 + 2/3) = 8/11, yes 5/10.
        string[] replies = ["Yes", "yes.", "Yes, there is.", "YES", "No", "There is not.", "yes", "no", "No, there isn't.", "no"];
        bool[] present = [true, true, true, true, true, true, false, false, false, false];
        var result = PopeScore.Compute(replies, present);
        Assert.Equal((4, 1, 3, 2), (result.TruePositives, result.FalsePositives, result.TrueNegatives, result.FalseNegatives));
        Assert.Equal(0.7, result.Accuracy, 12);
        Assert.Equal(0.8, result.Precision, 12);
        Assert.Equal(4.0 / 6, result.Recall, 12);
        Assert.Equal(8.0 / 11, result.F1, 12);
        Assert.Equal(Math.Sqrt(0.7 * 0.3 / 10), result.AccuracyStandardError, 12);
        Assert.Equal(0.5, result.YesRatio, 12);
        Assert.Equal("POPE accuracy 70.0%, precision 80.0%, recall 66.7%, F1 72.7%, yes 50.0% (TP 4, FP 1, TN 3, FN 2)", result.ToString());
    }

    [Fact]
    public void A_model_that_always_says_yes_has_full_recall_and_a_yes_ratio_of_one()
    {
        var result = PopeScore.Compute([true, true, true, true], [true, false, true, false]);
        Assert.Equal(1.0, result.Recall);
        Assert.Equal(0.5, result.Precision);
        Assert.Equal(1.0, result.YesRatio);
        Assert.Equal(2.0 / 3, result.F1, 12);
    }

    [Fact]
    public void A_model_that_never_says_yes_has_zero_precision_recall_and_f1()
    {
        var result = PopeScore.Compute([false, false], [true, false]);
        Assert.Equal((0.5, 0.0, 0.0, 0.0, 0.0), (result.Accuracy, result.Precision, result.Recall, result.F1, result.YesRatio));
    }

    [Theory]
    [InlineData("Yes", true)]
    [InlineData("no.", false)]
    [InlineData("No, there is not.", false)]
    [InlineData("There is no red circle.", false)]
    [InlineData("There is a red circle.", true)]
    [InlineData("Yes, but not large.", true)]
    public void Replies_are_read_as_pope_reads_them(string reply, bool yes) => Assert.Equal(yes, YesNoAnswer.IsYes(reply));

    [Fact]
    public void Mismatched_or_empty_inputs_are_rejected_naming_them()
    {
        Assert.Equal("present", Assert.Throws<ArgumentException>(() => PopeScore.Compute(["yes"], [true, false])).ParamName);
        Assert.Equal("saidYes", Assert.Throws<ArgumentException>(() => PopeScore.Compute(Array.Empty<bool>(), [])).ParamName);
    }
}
