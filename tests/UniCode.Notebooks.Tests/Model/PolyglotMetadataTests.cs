using System.Text.Json.Nodes;
using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Tests.Model;

public sealed class PolyglotMetadataTests
{
    [Fact]
    public void Cell_kernel_comes_from_polyglot_metadata_before_the_older_dotnet_interactive_metadata()
    {
        var both = JsonNode.Parse("""{"polyglot_notebook": {"kernelName": "fsharp"}, "dotnet_interactive": {"language": "csharp"}}""")!.AsObject();
        var older = JsonNode.Parse("""{"dotnet_interactive": {"language": "csharp"}}""")!.AsObject();

        Assert.Equal("fsharp", PolyglotMetadata.GetCellKernelName(both));
        Assert.Equal("csharp", PolyglotMetadata.GetCellKernelName(older));
        Assert.Null(PolyglotMetadata.GetCellKernelName([]));
    }

    [Fact]
    public void Default_kernel_comes_from_kernel_info_else_from_the_kernelspec_name()
    {
        var declared = PolyglotMetadata.CreateNotebookMetadata();
        var specOnly = JsonNode.Parse("""{"kernelspec": {"name": ".net-fsharp", "display_name": ".NET (F#)"}}""")!.AsObject();
        var python = JsonNode.Parse("""{"kernelspec": {"name": "python3", "display_name": "Python 3"}}""")!.AsObject();

        Assert.Equal("csharp", PolyglotMetadata.GetDefaultKernelName(declared));
        Assert.Equal("fsharp", PolyglotMetadata.GetDefaultKernelName(specOnly));
        Assert.Equal("python3", PolyglotMetadata.GetDefaultKernelName(python));
        Assert.Null(PolyglotMetadata.GetDefaultKernelName([]));
    }

    [Fact]
    public void Declared_kernels_list_names_with_their_aliases()
    {
        var metadata = JsonNode.Parse("""
            {"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [
              {"name": "csharp", "aliases": ["c#", "C#"]}, {"name": "fsharp", "aliases": []}, {"aliases": ["nameless"]}]}}}
            """)!.AsObject();

        var kernels = PolyglotMetadata.GetDeclaredKernels(metadata);

        Assert.Equal(["csharp", "fsharp"], kernels.Select(k => k.Name));
        Assert.Equal(["c#", "C#"], kernels[0].Aliases);
    }
}
