using UniCode.Kit.Evaluation.Understanding;

namespace UniCode.Kit.Tests.Evaluation.Understanding;

public sealed class AnswerNormalizationTests
{
    [Theory]
    [InlineData("  Red  ", "red")]
    [InlineData("Red.", "red")]
    [InlineData("A red circle!", "red circle")]
    [InlineData("the  Circle", "circle")]
    [InlineData("Two", "2")]
    [InlineData("2.5", "2.5")]
    [InlineData("1,000", "1000")]
    [InlineData("yes, it is.", "yes it is")]
    [InlineData("red/blue", "red blue")]
    [InlineData("", "")]
    public void Answers_are_lowercased_trimmed_and_stripped_of_punctuation_and_articles(string answer, string expected) =>
        Assert.Equal(expected, AnswerNormalization.Normalize(answer));
}
