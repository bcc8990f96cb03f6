using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Tests.TestSupport;

/// <summary>
/// One kernel run that several tests assert on (a kernel takes seconds to start): the notebook is written and
/// run once, when the first test asks for it.
/// </summary>
public abstract class SharedRun : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Lazy<Task<(NotebookRunResult Result, Notebook Executed)>> run;

    protected SharedRun() => run = new(() => NotebookRun.RunAsync(folder, CreateNotebook(), Options()));

    /// <summary>The folder the notebook runs in.</summary>
    internal TempFolder Folder => folder;

    /// <summary>The run's result and the executed copy.</summary>
    public Task<(NotebookRunResult Result, Notebook Executed)> Run => run.Value;

    public void Dispose()
    {
        folder.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract Notebook CreateNotebook();

    protected virtual NotebookRunOptions Options() => new();
}
