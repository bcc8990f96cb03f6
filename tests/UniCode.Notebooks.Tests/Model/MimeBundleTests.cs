using System.Text.Json.Nodes;
using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Tests.Model;

public sealed class MimeBundleTests
{
    [Fact]
    public void Text_set_is_read_back_and_replaced_by_a_second_set()
    {
        var bundle = new MimeBundle();
        bundle.SetText("text/plain", "one");
        bundle.SetText("text/html", "<b>two</b>");
        bundle.SetText("text/plain", "three");

        Assert.Equal(2, bundle.Count);
        Assert.Equal("three", bundle.GetText("text/plain"));
        Assert.Equal(["text/plain", "text/html"], bundle.MimeTypes);
        Assert.Null(bundle.GetText("image/png"));
        Assert.False(bundle.Contains("image/png"));
    }

    [Fact]
    public void Json_values_are_kept_as_json()
    {
        var bundle = new MimeBundle();
        bundle.SetJson("application/json", new JsonObject { ["a"] = 1 });

        Assert.Equal("""{"a":1}""", bundle.GetText("application/json"));
        Assert.Equal(1, bundle.GetJson("application/json")!["a"]!.GetValue<int>());
    }
}
