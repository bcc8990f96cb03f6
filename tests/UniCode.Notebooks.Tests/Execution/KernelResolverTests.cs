using System.Text.Json.Nodes;
using UniCode.Notebooks.Execution;
using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Tests.Execution;

public sealed class KernelResolverTests
{
    [Fact]
    public void A_csharp_cell_runs_with_its_kernel_magic_blanked_so_line_numbers_stay()
    {
        var notebook = Notebook.CreateCSharp();
        var cell = notebook.AddCode("#!csharp\nvar x = 1;");

        var plan = KernelResolver.Plan(notebook, cell);

        Assert.True(plan.IsCSharp);
        Assert.Equal("\nvar x = 1;", plan.Code);
        Assert.Null(plan.Problem);
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1", "fsharp")]
    [InlineData("#!F#\nlet x = 1", "fsharp")]
    [InlineData("#!markdown\n# Title", "markdown")]
    [InlineData("\n  #!pwsh\nGet-Date", "pwsh")]
    [InlineData("#!javascript\nconsole.log(1)", "javascript")]
    public void A_first_line_magic_of_another_kernel_takes_the_cell_away_from_csharp(string source, string kernel)
    {
        var notebook = Notebook.CreateCSharp();
        var cell = notebook.AddCode(source);

        var plan = KernelResolver.Plan(notebook, cell);

        Assert.False(plan.IsCSharp);
        Assert.Equal(kernel, plan.Kernel);
        Assert.Null(plan.Code);
    }

    [Fact]
    public void Without_a_magic_the_cell_metadata_decides_then_the_notebook_default()
    {
        var notebook = Notebook.CreateCSharp();
        var fsharp = notebook.Add(new NotebookCell(CellType.Code, "let x = 1", metadata: PolyglotMetadata.CreateCodeCellMetadata("fsharp")));
        var older = notebook.Add(new NotebookCell(CellType.Code, "var y = 2;",
            metadata: JsonNode.Parse("""{"dotnet_interactive": {"language": "csharp"}}""")!.AsObject()));
        var bare = notebook.Add(new NotebookCell(CellType.Code, "var z = 3;"));
        var fsharpNotebook = new Notebook(JsonNode.Parse("""{"kernelspec": {"name": ".net-fsharp", "display_name": "F#"}}""")!.AsObject());
        var fsharpDefault = fsharpNotebook.Add(new NotebookCell(CellType.Code, "let a = 1"));

        Assert.Equal("fsharp", KernelResolver.Plan(notebook, fsharp).Kernel);
        Assert.True(KernelResolver.Plan(notebook, older).IsCSharp);
        Assert.True(KernelResolver.Plan(notebook, bare).IsCSharp);
        Assert.Equal("fsharp", KernelResolver.Plan(fsharpNotebook, fsharpDefault).Kernel);
        Assert.True(KernelResolver.Plan(new Notebook(), new NotebookCell(CellType.Code, "1")).IsCSharp);
    }

    [Fact]
    public void A_first_line_csharp_magic_overrides_metadata_of_another_kernel()
    {
        var notebook = Notebook.CreateCSharp();
        var cell = notebook.Add(new NotebookCell(CellType.Code, "#!c#\n1", metadata: PolyglotMetadata.CreateCodeCellMetadata("fsharp")));

        Assert.True(KernelResolver.Plan(notebook, cell).IsCSharp);
    }

    [Fact]
    public void Aliases_declared_in_the_notebook_metadata_are_recognised()
    {
        var metadata = JsonNode.Parse("""
            {"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp",
              "items": [{"name": "csharp", "aliases": []}, {"name": "sqlite", "aliases": ["lite"]}]}}}
            """)!.AsObject();
        var notebook = new Notebook(metadata);
        var cell = notebook.AddCode("#!lite\nselect 1");

        Assert.Equal("sqlite", KernelResolver.Plan(notebook, cell).Kernel);
    }

    [Theory]
    [InlineData("#r \"nuget: Newtonsoft.Json, 13.0.1\"\nvar x = 1;", "line 1: NuGet package references")]
    [InlineData("var x = 1;\n#i \"nuget: https://example.org/feed\"", "line 2: NuGet package references")]
    [InlineData("var x = 1;\n#!time\nx", "line 2: the magic command '#!time' is not supported")]
    [InlineData("var x = 1;\n#!fsharp\nlet y = 2", "line 2: '#!fsharp' switches to the fsharp kernel")]
    public void Directives_the_runner_cannot_honour_are_reported_with_their_line(string source, string problem)
    {
        var notebook = Notebook.CreateCSharp();
        var cell = notebook.AddCode(source);

        var plan = KernelResolver.Plan(notebook, cell);

        Assert.True(plan.IsCSharp);
        Assert.NotNull(plan.Problem);
        Assert.StartsWith(problem, plan.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordinary_reference_directive_is_not_a_problem()
    {
        var notebook = Notebook.CreateCSharp();
        var cell = notebook.AddCode("#r \"lib/Kit.dll\"\n#load \"helpers.csx\"");

        Assert.Null(KernelResolver.Plan(notebook, cell).Problem);
    }
}
