using UniCode.Notebooks.Serialization;
using UniCode.Notebooks.Tests.TestSupport;

namespace UniCode.Notebooks.Tests;

/// <summary>Notebooks that cannot be run fail before a kernel starts, with one message naming the file, and write nothing.</summary>
public sealed class BadNotebookTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("{ \"cells\": [", "it is not JSON")]
    [InlineData("", "it is not JSON")]
    [InlineData("{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {}, \"worksheets\": []}", "nbformat 3 is not supported")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}}", "'cells' is missing")]
    public async Task A_malformed_notebook_is_rejected_naming_the_file_and_the_problem(string content, string problem)
    {
        var path = folder.PathOf("bad.ipynb");
        File.WriteAllText(path, content);

        var error = await Assert.ThrowsAsync<NotebookFormatException>(() => Run(path, folder.PathOf("out")));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.PathOf("out")), "nothing is written for a notebook that cannot run");
        Assert.False(File.Exists(folder.PathOf("bad.executed.ipynb")));
    }

    [Fact]
    public async Task A_missing_notebook_or_a_folder_in_its_place_is_rejected_naming_it()
    {
        var missing = folder.PathOf("missing.ipynb");
        var directory = folder.PathOf("folder.ipynb");
        Directory.CreateDirectory(directory);

        var notFound = await Assert.ThrowsAsync<FileNotFoundException>(() => Run(missing, null));
        var isFolder = await Assert.ThrowsAsync<NotebookRunException>(() => Run(directory, null));

        Assert.Contains(missing, notFound.Message, StringComparison.Ordinal);
        Assert.Equal($"{directory}: is a folder, not a notebook file", isFolder.Message);
    }

    [Fact]
    public async Task An_output_folder_that_is_a_file_is_rejected_before_the_notebook_runs()
    {
        var path = folder.PathOf("ok.ipynb");
        NotebookRun.CSharp("File.WriteAllText(\"ran.txt\", \"ran\");").Save(path);
        var outFile = folder.PathOf("out");
        File.WriteAllText(outFile, "not a folder");

        var error = await Assert.ThrowsAsync<NotebookRunException>(() => Run(path, Path.Combine(outFile, "deeper")));

        Assert.Contains($"'{outFile}' is a file", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.PathOf("ran.txt")), "the notebook must not run when its copy cannot be written");
    }

    [Fact]
    public async Task A_notebook_loading_a_missing_assembly_is_rejected_naming_the_cell_and_the_file_and_runs_nothing()
    {
        var path = folder.PathOf("needs-a-build.ipynb");
        NotebookRun.CSharp("File.WriteAllText(\"ran.txt\", \"ran\");", "#r \"../bin/Release/Missing.dll\"\nusing Missing;").Save(path);
        var expected = Path.GetFullPath(Path.Combine(folder.FullPath, "..", "bin", "Release", "Missing.dll"));

        var checkedFirst = Assert.Throws<NotebookRunException>(() => NotebookRunner.Check(path, new NotebookRunOptions(OutputDirectory: folder.PathOf("out"))));
        var run = await Assert.ThrowsAsync<NotebookRunException>(() => Run(path, folder.PathOf("out")));

        Assert.Equal($"{path}: cell 1 loads '../bin/Release/Missing.dll', which does not exist ({expected})", run.Message);
        Assert.Equal(run.Message, checkedFirst.Message);
        Assert.False(File.Exists(folder.PathOf("ran.txt")), "no cell runs when a later cell's assembly is missing");
        Assert.False(Directory.Exists(folder.PathOf("out")), "nothing is written for a notebook that cannot run");
    }

    private static Task<NotebookRunResult> Run(string path, string? outputDirectory) =>
        new NotebookRunner().RunAsync(path, new NotebookRunOptions(OutputDirectory: outputDirectory));
}
