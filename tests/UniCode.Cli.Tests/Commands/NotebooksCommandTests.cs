using UniCode.Notebooks.Model;

namespace UniCode.Cli.Tests.Commands;

public sealed class NotebooksCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("unicode-cli-notebooks-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, params string[] cells)
    {
        var notebook = Notebook.CreateCSharp();
        foreach (var cell in cells)
        {
            notebook.AddCode(cell);
        }

        var path = Path.Combine(folder, name);
        notebook.Save(path);
        return path;
    }

    [Fact]
    public void A_notebook_whose_cells_succeed_exits_0_and_writes_the_executed_copy_with_the_profile()
    {
        var path = Write("ok.ipynb", "var x = 20 + 1;", "Console.WriteLine($\"{x} {Environment.GetEnvironmentVariable(\"UNICODE_PROFILE\")}\");");
        var output = Path.Combine(folder, "out");

        var (code, text, error) = CliRunner.Run("notebooks", "run", path, "--out-dir", output, "--profile", "Smoke");

        Assert.True(code == 0, text + error);
        var executed = Notebook.Load(Path.Combine(output, "ok.ipynb"));
        var stream = Assert.IsType<StreamOutput>(Assert.Single(executed.Cells[1].Outputs));
        Assert.Equal("21 Smoke\n", stream.Text);
    }

    [Fact]
    public void A_failing_cell_exits_2_and_names_the_cell_and_the_error()
    {
        var path = Write("bad.ipynb", "var x = 1;", "throw new InvalidOperationException(\"boom\");", "Console.WriteLine(x);");

        var (code, text, error) = CliRunner.Run("notebooks", "run", path, "--out-dir", Path.Combine(folder, "out"));

        Assert.Equal(2, code);
        Assert.Contains("cell 1 failed", error, StringComparison.Ordinal);
        Assert.Contains("boom", error, StringComparison.Ordinal);
        Assert.Contains("3 cells run, 1 failed", text, StringComparison.Ordinal);
        var executed = Notebook.Load(Path.Combine(folder, "out", "bad.ipynb"));
        Assert.Equal("System.InvalidOperationException", Assert.IsType<ErrorOutput>(Assert.Single(executed.Cells[1].Outputs)).ErrorName);
        Assert.Equal("1\n", Assert.IsType<StreamOutput>(Assert.Single(executed.Cells[2].Outputs)).Text);
    }

    [Theory]
    [InlineData("invalid.ipynb", "{ \"cells\": [", "it is not JSON")]
    [InlineData("empty.ipynb", "", "it is not JSON")]
    [InlineData("v3.ipynb", "{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {}, \"worksheets\": []}", "nbformat 3 is not supported")]
    [InlineData("nocells.ipynb", "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}}", "'cells' is missing")]
    public void A_malformed_notebook_exits_1_with_one_line_naming_the_file_and_writes_nothing(string name, string content, string problem)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        var output = Path.Combine(folder, "out");

        var (code, _, error) = CliRunner.Run("notebooks", "run", path, "--out-dir", output);

        AssertOneLineError(code, error, path, problem);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_missing_notebook_or_a_folder_in_its_place_exits_1_with_one_line()
    {
        var missing = Path.Combine(folder, "missing.ipynb");
        var directory = Directory.CreateDirectory(Path.Combine(folder, "dir.ipynb")).FullName;

        var (missingCode, _, missingError) = CliRunner.Run("notebooks", "run", missing);
        var (folderCode, _, folderError) = CliRunner.Run("notebooks", "run", directory);

        AssertOneLineError(missingCode, missingError, missing, "does not exist");
        AssertOneLineError(folderCode, folderError, directory, "is a folder");
    }

    [Fact]
    public void An_out_dir_that_is_a_file_exits_1_before_any_cell_runs()
    {
        var path = Write("ok.ipynb", "File.WriteAllText(\"ran.txt\", \"ran\");");
        var outFile = Path.Combine(folder, "out.txt");
        File.WriteAllText(outFile, "a file");

        var (code, _, error) = CliRunner.Run("notebooks", "run", path, "--out-dir", outFile);

        AssertOneLineError(code, error, outFile, "is a file");
        Assert.False(File.Exists(Path.Combine(folder, "ran.txt")));
        Assert.Equal("a file", File.ReadAllText(outFile));
    }

    private static void AssertOneLineError(int code, string error, string path, string problem)
    {
        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(path, line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal); // a stack frame
    }

    [Fact]
    public void An_unknown_profile_is_rejected()
    {
        var path = Write("ok.ipynb", "1");

        var (code, _, error) = CliRunner.Run("notebooks", "run", path, "--profile", "Huge");

        Assert.NotEqual(0, code);
        Assert.Contains("Huge", error, StringComparison.Ordinal);
    }
}
