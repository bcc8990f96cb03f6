using System.Text;
using UniCode.Kit.Text;

namespace UniCode.Kit.Tests.Text;

public sealed class BpeTokenizerFileTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"bpe-file-tests-{Guid.NewGuid():N}");

    public BpeTokenizerFileTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static BpeTokenizer Tokenizer => TestTokenizers.Small;

    [Fact]
    public void Save_then_load_gives_identical_encodings_and_json()
    {
        var path = Path.Combine(folder, "sub", "tokenizer.json");
        Tokenizer.Save(path);
        var loaded = BpeTokenizer.Load(path);

        Assert.Equal(Tokenizer.ToJson(), loaded.ToJson());
        Assert.Equal(Tokenizer.SpecialTokens, loaded.SpecialTokens);
        foreach (var text in SyntheticCorpus.Sentences(200, seed: 5).Append("<|eos|> 日本 😀 \r\n"))
        {
            Assert.Equal(Tokenizer.Encode(text), loaded.Encode(text));
            Assert.Equal(Tokenizer.Encode(text, allowSpecialTokens: true), loaded.Encode(text, allowSpecialTokens: true));
        }

        Assert.Equal(["tokenizer.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void The_file_records_format_version_special_tokens_merges_and_vocab()
    {
        var path = Path.Combine(folder, "tokenizer.json");
        Tokenizer.Save(path);
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;

        Assert.Equal("unicode-kit/bpe-tokenizer", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(SpecialTokens.Reserved, root.GetProperty("special_tokens").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Tokenizer.MergeCount, root.GetProperty("merges").GetArrayLength());
        Assert.Equal(Tokenizer.VocabularySize, root.GetProperty("vocab").GetArrayLength());
        Assert.Equal("Ġ", root.GetProperty("vocab")[' '].GetString());
    }

    [Fact]
    public void Loading_a_truncated_file_throws_naming_the_file()
    {
        var json = Tokenizer.ToJson();
        var path = Write("truncated.json", json[..(json.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => BpeTokenizer.Load(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Loading_garbage_throws_naming_the_file()
    {
        var path = Path.Combine(folder, "garbage.json");
        File.WriteAllBytes(path, [0xFF, 0x00, 0x13, 0x37]);

        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => BpeTokenizer.Load(path)).Message);
    }

    [Theory]
    [InlineData("\"version\": 1", "\"version\": 2", "version is 2")]
    [InlineData("\"format\": \"unicode-kit/bpe-tokenizer\"", "\"format\": \"gpt2\"", "format")]
    [InlineData("\"merges\": [", "\"merges\": [[9999, 1],", "merge 0")]
    [InlineData("\"merges\": [", "\"merges\": [\"ab\",", "merge 0")]
    [InlineData("\"<|pad|>\",", "", "reserved")]
    [InlineData("\"vocab\": [\n    \"Ā\"", "\"vocab\": [\n    \"X\"", "vocab entry 0")]
    [InlineData("\"special_tokens\"", "\"specials\"", "special_tokens")]
    public void Loading_a_tampered_file_throws_naming_the_file_and_the_problem(string original, string replacement, string problem)
    {
        var json = Tokenizer.ToJson();
        Assert.Contains(original, json);
        var path = Write("tampered.json", ReplaceFirst(json, original, replacement));

        var error = Assert.Throws<InvalidDataException>(() => BpeTokenizer.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Loading_a_missing_file_throws_naming_it()
    {
        var path = Path.Combine(folder, "missing.json");

        Assert.Contains(path, Assert.Throws<FileNotFoundException>(() => BpeTokenizer.Load(path)).Message);
    }

    [Fact]
    public void Saving_over_an_existing_file_replaces_it_whole()
    {
        var path = Write("tokenizer.json", "old content");
        Tokenizer.Save(path);

        Assert.Equal(Tokenizer.ToJson(), File.ReadAllText(path));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static string ReplaceFirst(string text, string original, string replacement)
    {
        var at = text.IndexOf(original, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + original.Length));
    }
}
