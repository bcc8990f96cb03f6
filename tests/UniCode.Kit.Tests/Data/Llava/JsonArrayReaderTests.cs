using System.Text;
using System.Text.Json;
using UniCode.Kit.Data.Llava;

namespace UniCode.Kit.Tests.Data.Llava;

public sealed class JsonArrayReaderTests
{
    [Fact]
    public void Streams_records_across_buffer_refills_including_one_larger_than_the_buffer()
    {
        var json = new StringBuilder("[\n");
        for (var i = 0; i < 3000; i++)
        {
            var text = i == 1234 ? new string('x', 300_000) : $"record {i} " + new string('y', i % 97);
            json.Append($"  {{\"n\": {i}, \"text\": \"{text}\", \"nested\": [1, {{\"a\": [2, 3]}}]}}{(i < 2999 ? "," : string.Empty)}\n");
        }

        json.Append(']');
        using var reader = new JsonArrayReader(new MemoryStream(Encoding.UTF8.GetBytes(json.ToString())), "memory");
        var count = 0;
        while (reader.Next() is { } element)
        {
            Assert.Equal(count, element.GetProperty("n").GetInt32());
            Assert.Equal(3, element.GetProperty("nested")[1].GetProperty("a")[1].GetInt32());
            if (count == 1234)
            {
                Assert.Equal(300_000, element.GetProperty("text").GetString()!.Length);
            }

            count++;
        }

        Assert.Equal(3000, count);
        Assert.Equal(3000, reader.Index);
        Assert.Null(reader.Next());
    }

    [Fact]
    public void An_empty_array_has_no_elements_and_scalars_are_elements_too()
    {
        using var empty = new JsonArrayReader(new MemoryStream("  [ ]  "u8.ToArray()), "empty");
        Assert.Null(empty.Next());
        using var scalars = new JsonArrayReader(new MemoryStream("[1, \"two\", null]"u8.ToArray()), "scalars");
        Assert.Equal(JsonValueKind.Number, scalars.Next()!.Value.ValueKind);
        Assert.Equal("two", scalars.Next()!.Value.GetString());
        Assert.Equal(JsonValueKind.Null, scalars.Next()!.Value.ValueKind);
        Assert.Null(scalars.Next());
    }

    [Fact]
    public void A_truncated_array_or_a_non_array_is_an_error_naming_the_source()
    {
        using var truncated = new JsonArrayReader(new MemoryStream("[{\"a\": 1}, {\"b\": "u8.ToArray()), "cut.json");
        Assert.NotNull(truncated.Next());
        var error = Assert.Throws<InvalidDataException>(() => truncated.Next());
        Assert.Contains("cut.json: record 1", error.Message);

        using var notArray = new JsonArrayReader(new MemoryStream("{\"a\": 1}"u8.ToArray()), "object.json");
        Assert.Contains("object.json", Assert.Throws<InvalidDataException>(() => notArray.Next()).Message);
    }
}
