using System.Text.Json.Nodes;
using UniCode.Notebooks.Serialization;

namespace UniCode.Notebooks.Tests.Serialization;

public sealed class JsonTextTests
{
    [Fact]
    public void Strings_are_escaped_like_python_json_with_ensure_ascii_off()
    {
        var text = JsonText.Write(JsonValue.Create("q\" b\\ n\n r\r t\t \u0001 é 😀"));

        Assert.Equal("\"q\\\" b\\\\ n\\n r\\r t\\t \\u0001 é 😀\"", text);
    }

    [Fact]
    public void A_lone_surrogate_is_escaped_so_the_file_stays_valid_utf8()
    {
        Assert.Equal("\"a\\ud83db\"", JsonText.Write(JsonValue.Create("a\ud83db")));
    }

    [Fact]
    public void Objects_are_sorted_by_key_and_indented_by_one_space()
    {
        var node = JsonNode.Parse("""{"b": [1, {"d": true, "c": null}], "a": {}, "e": []}""");

        Assert.Equal("{\n \"a\": {},\n \"b\": [\n  1,\n  {\n   \"c\": null,\n   \"d\": true\n  }\n ],\n \"e\": []\n}", JsonText.Write(node));
    }

    [Fact]
    public void Numbers_keep_the_text_they_were_read_with()
    {
        Assert.Equal("[\n 2.50,\n 1e3\n]", JsonText.Write(JsonNode.Parse("[2.50, 1e3]")));
    }

    [Fact]
    public void The_output_parses_back_to_the_same_json()
    {
        var node = JsonNode.Parse(SampleNotebooks.Canonical);

        Assert.True(JsonNode.DeepEquals(node, JsonNode.Parse(JsonText.Write(node))));
    }
}
