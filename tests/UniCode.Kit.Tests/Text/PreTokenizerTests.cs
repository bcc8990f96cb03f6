using UniCode.Kit.Text;

namespace UniCode.Kit.Tests.Text;

public sealed class PreTokenizerTests
{
    private static string[] Split(string text)
    {
        var pieces = new List<(int Start, int Length)>();
        PreTokenizer.Split(text, pieces);
        return [.. pieces.Select(p => text.Substring(p.Start, p.Length))];
    }

    [Theory]
    [InlineData("Hello world", new[] { "Hello", " world" })]
    [InlineData("abc123def", new[] { "abc", "123", "def" })]
    [InlineData("don't stop", new[] { "don", "'t", " stop" })]
    [InlineData("we'll go", new[] { "we", "'ll", " go" })]
    [InlineData("end.  Next", new[] { "end", ".", " ", " Next" })]
    [InlineData("a  ", new[] { "a", "  " })]
    [InlineData("\n\nword", new[] { "\n", "\n", "word" })]
    [InlineData("x \tz", new[] { "x", " ", "\t", "z" })]
    [InlineData("wait...what?!", new[] { "wait", "...", "what", "?!" })]
    [InlineData(" 42 cats", new[] { " 42", " cats" })]
    public void Splits_words_numbers_punctuation_and_whitespace_like_gpt2(string text, string[] expected)
    {
        Assert.Equal(expected, Split(text));
    }

    [Fact]
    public void Combining_marks_stay_with_the_letter_they_modify()
    {
        // "cafe" + COMBINING ACUTE ACCENT, then a space and "ole" + COMBINING DIAERESIS on the e.
        Assert.Equal(["cafe\u0301", " ole\u0308"], Split("cafe\u0301 ole\u0308"));
    }

    [Fact]
    public void Letters_of_any_script_form_one_word_and_emoji_with_punctuation_form_a_symbol_run()
    {
        Assert.Equal(["日本語", " テキスト", " 😀🎉!"], Split("日本語 テキスト 😀🎉!"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mixed: 3.14, \"quotes\", tabs\tand\r\nnewlines  \u00a0 nbsp 👩‍👩‍👧 e\u0301")]
    [InlineData("\u0000\u0001\u007f control")]
    public void Pieces_cover_the_text_exactly_and_are_never_empty(string text)
    {
        var pieces = Split(text);
        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, p => Assert.NotEqual(0, p.Length));
    }

    // Attribute strings are stored as UTF-8, which cannot hold a lone surrogate: build the text here.
    [Theory]
    [InlineData("ab", 0xD800, "cd", 2)]
    [InlineData("ab", 0xDC00, "", 2)]
    [InlineData("word ", 0xD83D, "", 5)]
    [InlineData("", 0xDFFF, "\uD83D\uDE00", 0)]
    public void An_unpaired_surrogate_is_rejected_with_its_index(string before, int surrogate, string after, int index)
    {
        var text = before + (char)surrogate + after;
        var error = Assert.Throws<ArgumentException>(() => Split(text));
        Assert.Contains($"index {index}", error.Message);
    }
}
