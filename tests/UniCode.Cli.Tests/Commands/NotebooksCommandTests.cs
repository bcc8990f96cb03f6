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
