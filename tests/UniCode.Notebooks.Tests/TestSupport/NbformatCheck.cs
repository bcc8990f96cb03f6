using System.Diagnostics;

namespace UniCode.Notebooks.Tests.TestSupport;

/// <summary>Checks a written notebook with the reference implementation, Jupyter's nbformat (Python).</summary>
internal static class NbformatCheck
{
    private const string Python = "/usr/bin/python3";
    private const string Install = "install python3-nbformat (apt-get install -y python3-nbformat)";

    // The file is checked as nbformat.read loads it (the documented check) and as raw JSON, with the
    // ids checked first because nbformat quietly repairs missing or duplicate ones.
    private const string Script = """
        import json, sys
        try:
            import nbformat
        except ImportError:
            print("nbformat is not importable")
            sys.exit(3)
        path = sys.argv[1]
        nbformat.validate(nbformat.read(path, as_version=4))
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
        ids = [cell.get("id") for cell in raw["cells"]]
        if None in ids or len(set(ids)) != len(ids):
            sys.exit("cell ids are missing or repeated: %r" % ids)
        nbformat.validate(raw)
        print("valid")
        """;

    public static void AssertValid(string notebookPath)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing; {Install} so the nbformat check can run.");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(notebookPath);
        using var process = Process.Start(start)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var stdout = stdoutTask.Result;
        Assert.False(process.ExitCode == 3, $"python3 cannot import nbformat; {Install} so the nbformat check can run.");
        Assert.True(process.ExitCode == 0, $"nbformat rejected '{notebookPath}':\n{stderr}\n{stdout}");
        Assert.Contains("valid", stdout, StringComparison.Ordinal);
    }
}
