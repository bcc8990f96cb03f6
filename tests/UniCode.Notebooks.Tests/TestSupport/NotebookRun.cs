using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Tests.TestSupport;

/// <summary>Saves a notebook into a folder, runs it and reads the executed copy back.</summary>
internal static class NotebookRun
{
    public static async Task<(NotebookRunResult Result, Notebook Executed)> RunAsync(
        TempFolder folder, Notebook notebook, NotebookRunOptions? options = null, string fileName = "test.ipynb")
    {
        var path = folder.PathOf(fileName);
        notebook.Save(path);
        var result = await new NotebookRunner().RunAsync(path, options ?? new NotebookRunOptions());
        NotebookStructure.AssertValid(result.OutputPath);
        return (result, Notebook.Load(result.OutputPath));
    }

    public static Notebook CSharp(params string[] cells)
    {
        var notebook = Notebook.CreateCSharp();
        foreach (var cell in cells)
        {
            notebook.AddCode(cell);
        }

        return notebook;
    }

    public static T Single<T>(NotebookCell cell)
        where T : CellOutput => Assert.IsType<T>(Assert.Single(cell.Outputs));
}
