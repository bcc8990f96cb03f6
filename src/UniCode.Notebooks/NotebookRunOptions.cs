namespace UniCode.Notebooks;

/// <summary>How <see cref="NotebookRunner"/> runs a notebook.</summary>
/// <param name="OutputDirectory">
/// Where the executed copy is written, under the input's file name. When <c>null</c>, the copy goes
/// next to the input as <c>NAME.executed.ipynb</c>, so the input is never overwritten; passing the
/// input's own folder is how to ask for it to be overwritten.
/// </param>
/// <param name="Profile">
/// Exposed to the cells as the environment variable <c>UNICODE_PROFILE</c> of the kernel process (e.g. Smoke,
/// Quick, Paper); <c>null</c> passes on the caller's environment as it is.
/// </param>
/// <param name="FailFast">Stop at the first failing cell (later cells are left without outputs) instead of continuing.</param>
/// <param name="CellTimeout">
/// How long one cell may run; <c>null</c> for no limit. A cell that exceeds it gets a timeout error, the kernel process
/// is ended, and the run stops there (later cells would miss the state the stopped cell was building).
/// </param>
/// <param name="Log">Receives one line per code cell (index, status, duration) as the run progresses.</param>
public sealed record NotebookRunOptions(
    string? OutputDirectory = null,
    string? Profile = null,
    bool FailFast = false,
    TimeSpan? CellTimeout = null,
    TextWriter? Log = null);
