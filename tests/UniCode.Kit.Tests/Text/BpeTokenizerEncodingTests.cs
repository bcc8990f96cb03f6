using System.Text;
using UniCode.Kit.Text;

namespace UniCode.Kit.Tests.Text;

public sealed class BpeTokenizerEncodingTests
{
    private static BpeTokenizer Tokenizer => TestTokenizers.Small;

    public static TheoryData<string> VariedStrings() =>
    [
        "",
        "The cat sees a green apple.",
        "the  cat   sees    a      space-y apple",
        "\r\n\t mixed\r\nline\tendings\n\n\n",
        new string(' ', 1000) + "x" + new string('\t', 300),
        "Unseen: Ωμέγα, Привет, مرحبا, שלום, नमस्ते",
        "日本語のテキストと中文字符",
        "emoji 😀🎉👍🏽 and a family 👨‍👩‍👧‍👦 and a flag 🇫🇷",
        "combining: e\u0301 a\u0308 n\u0303 \u0041\u030A\u0323",
        "controls \u0000\u0001\u0007\u001b[0m\u007f\u0085",
        "\uFEFFbyte order mark, zero\u200Bwidth space, nbsp\u00A0here",
        "<|eos|> <|user|> <image> look like control tokens",
        "numbers 3.14159 1,000,000 0x1F -42",
        "'s 't 're 've 'm 'll 'd contractions: it's we're I'm",
        "\U0001F600\U0010FFFF\U00010000 supplementary planes",
        "a",
        " ",
    ];

    [Theory]
    [MemberData(nameof(VariedStrings))]
    public void Encode_then_decode_returns_the_input(string text)
    {
        var ids = Tokenizer.Encode(text);

        Assert.Equal(text, Tokenizer.Decode(ids));
        Assert.All(ids, id => Assert.InRange(id, 0, Tokenizer.VocabularySize - 1));
    }

    [Fact]
    public void Random_valid_strings_round_trip()
    {
        var random = new Random(11);
        var builder = new StringBuilder();
        for (var sample = 0; sample < 300; sample++)
        {
            builder.Clear();
            var length = random.Next(0, 60);
            for (var i = 0; i < length; i++)
            {
                // Mostly ASCII, some BMP, some supplementary; any scalar value except surrogates.
                var scalar = random.Next(10) switch
                {
                    < 6 => random.Next(0, 0x80),
                    < 9 => random.Next(0x80, 0xD800),
                    _ => random.Next(0x10000, 0x110000),
                };
                builder.Append(new Rune(scalar).ToString());
            }

            var text = builder.ToString();
            Assert.Equal(text, Tokenizer.Decode(Tokenizer.Encode(text)));
        }
    }

    [Fact]
    public void Unseen_characters_fall_back_to_byte_tokens()
    {
        var ids = Tokenizer.Encode("日");

        Assert.Equal("日"u8.ToArray().Select(b => (int)b), ids);
    }

    [Fact]
    public void Frequent_text_is_encoded_in_fewer_tokens_than_bytes()
    {
        var text = "The old man describes the wooden table in the morning.";

        Assert.True(Tokenizer.Encode(text).Length * 3 < Encoding.UTF8.GetByteCount(text));
    }

    [Fact]
    public void Special_token_names_in_plain_text_are_encoded_as_text_by_default()
    {
        var text = "<|bos|>hi<|eos|><|user|><|assistant|><|image|><|image_begin|><|image_end|><|pad|>";
        var ids = Tokenizer.Encode(text);

        Assert.DoesNotContain(ids, Tokenizer.IsSpecialToken);
        Assert.Equal(text, Tokenizer.Decode(ids));
    }

    [Fact]
    public void Special_token_names_become_special_tokens_when_allowed()
    {
        var ids = Tokenizer.Encode("<|bos|>hi there<|eos|>", allowSpecialTokens: true);

        Assert.Equal(Tokenizer.BosId, ids[0]);
        Assert.Equal(Tokenizer.EosId, ids[^1]);
        Assert.Equal(Tokenizer.Encode("hi there"), ids[1..^1]);
        Assert.Equal("<|bos|>hi there<|eos|>", Tokenizer.Decode(ids));
        Assert.Equal("hi there", Tokenizer.Decode(ids, skipSpecialTokens: true));
    }

    [Fact]
    public void The_longest_special_token_wins_where_two_start_at_the_same_place()
    {
        var tokenizer = BpeTokenizer.Train(["x"], new BpeTrainerOptions { AdditionalSpecialTokens = ["<|x|>", "<|x|>y"] });

        Assert.Equal([tokenizer.GetSpecialTokenId("<|x|>y"), tokenizer.GetSpecialTokenId("<|x|>")],
            tokenizer.Encode("<|x|>y<|x|>", allowSpecialTokens: true));
        Assert.Equal([(int)'<', tokenizer.GetSpecialTokenId("<|x|>")], tokenizer.Encode("<<|x|>", allowSpecialTokens: true));
    }

    [Fact]
    public void The_llava_image_marker_is_plain_text_to_the_tokenizer()
    {
        Assert.DoesNotContain(Tokenizer.ImageId, Tokenizer.Encode("<image>", allowSpecialTokens: true));
    }

    // Attribute strings are stored as UTF-8, which cannot hold a lone surrogate: build the text here.
    [Theory]
    [InlineData("ab", 0xD800, "cd", 2)]
    [InlineData("", 0xDFFF, "", 0)]
    [InlineData("<|eos|>text ", 0xD83D, "", 12)]
    [InlineData("x", 0xDE00, "\uD83D\uDE00", 1)]
    public void Encoding_an_unpaired_surrogate_throws_naming_its_index(string before, int surrogate, string after, int index)
    {
        var text = before + (char)surrogate + after;
        Assert.Contains($"index {index}", Assert.Throws<ArgumentException>(() => Tokenizer.Encode(text)).Message);
        Assert.Contains($"index {index}", Assert.Throws<ArgumentException>(() => Tokenizer.Encode(text, allowSpecialTokens: true)).Message);
    }

    [Fact]
    public void A_rejected_text_leaves_the_output_list_as_it_was()
    {
        var output = new List<int> { 1, 2, 3 };

        Assert.Throws<ArgumentException>(() => Tokenizer.Encode("many good words before " + '\uD800', output));
        Assert.Equal([1, 2, 3], output);
    }

    [Fact]
    public void Decoding_bytes_that_are_not_utf8_gives_replacement_characters()
    {
        // 0xE6 0x97 starts "日" but lacks its last byte; 0xFF is never valid.
        Assert.Equal("\uFFFDx\uFFFD", Tokenizer.Decode([0xE6, 0x97, 'x', 0xFF]));
    }

    [Fact]
    public void Decoding_an_id_outside_the_vocabulary_throws_naming_its_position()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Tokenizer.Decode([65, Tokenizer.VocabularySize]));

        Assert.Contains("Token 1", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Tokenizer.Decode([-1]));
    }

    [Fact]
    public void Token_bytes_and_display_forms_describe_each_token()
    {
        var the = Tokenizer.Encode(" the");
        Assert.Single(the);
        Assert.Equal(" the"u8.ToArray(), Tokenizer.GetTokenBytes(the[0]));
        Assert.Equal("Ġthe", Tokenizer.GetTokenDisplay(the[0]));
        Assert.Equal("<|eos|>", Tokenizer.GetTokenDisplay(Tokenizer.EosId));
        Assert.Equal("<|eos|>"u8.ToArray(), Tokenizer.GetTokenBytes(Tokenizer.EosId));
    }

    [Fact]
    public void Concurrent_encoding_gives_the_same_ids_as_sequential_encoding()
    {
        var texts = SyntheticCorpus.Sentences(400, seed: 99).Select((s, i) => $"{s} #{i} ünïcödé").ToList();
        var fresh = BpeTokenizer.FromJson(Tokenizer.ToJson());
        var parallel = new int[texts.Count][];

        Parallel.For(0, texts.Count, i => parallel[i] = fresh.Encode(texts[i]));

        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(Tokenizer.Encode(texts[i]), parallel[i]);
        }
    }

    [Fact]
    public void A_megabyte_word_without_spaces_encodes_and_round_trips()
    {
        var word = string.Concat(Enumerable.Repeat("thecatseesagreenapple", 50_000));

        Assert.Equal(word, Tokenizer.Decode(Tokenizer.Encode(word)));
    }
}
