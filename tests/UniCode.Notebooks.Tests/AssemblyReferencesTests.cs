using UniCode.Notebooks.Model;
using UniCode.Notebooks.Tests.TestSupport;

namespace UniCode.Notebooks.Tests;

public sealed class AssemblyReferencesTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Only_file_references_that_do_not_exist_are_reported_resolved_against_the_notebook_folder()
    {
        Directory.CreateDirectory(folder.PathOf("lib"));
        File.WriteAllText(folder.PathOf("lib/Present.dll"), "");
        var notebook = new Notebook();
        notebook.AddCode("#r \"lib/Present.dll\"\n#r \"nuget: Some.Package, 1.0.0\"");
        notebook.AddMarkdown("#r \"lib/InMarkdown.dll\"");
        notebook.AddCode("var x = 1;\n  #r \"../elsewhere/Absent.dll\"\n// #r \"lib/Commented.dll\"");

        var missing = AssemblyReferences.MissingFiles(notebook, folder.FullPath);

        var only = Assert.Single(missing);
        Assert.Equal(2, only.CellIndex);
        Assert.Equal("../elsewhere/Absent.dll", only.Reference);
        Assert.Equal(Path.GetFullPath(Path.Combine(folder.FullPath, "..", "elsewhere", "Absent.dll")), only.FullPath);
    }

    [Fact]
    public void Every_notebook_the_kit_ships_finds_the_assemblies_it_loads_in_the_build()
    {
        var notebooks = Path.Combine(KitBuild.Root, "notebooks");

        foreach (var path in Directory.GetFiles(notebooks, "*.ipynb"))
        {
            var missing = AssemblyReferences.MissingFiles(Notebook.Load(path), notebooks);
            Assert.True(missing.Count == 0, $"{Path.GetFileName(path)} loads {string.Join(", ", missing.Select(m => m.FullPath))}: build the kit in Release first");
        }
    }
}
