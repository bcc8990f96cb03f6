using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Execution;

/// <summary>
/// Points <see cref="Console.Out"/> and <see cref="Console.Error"/> at a cell's collector and puts the
/// previous writers back on dispose, whether the cell succeeded, threw or timed out.
/// </summary>
internal sealed class ConsoleRedirection : IDisposable
{
    private readonly TextWriter _previousOut;
    private readonly TextWriter _previousError;
    private bool _disposed;

    public ConsoleRedirection(CellOutputCollector collector)
    {
        _previousOut = Console.Out;
        _previousError = Console.Error;
        Console.SetOut(new CapturingWriter(collector, StreamOutput.StandardOutput));
        Console.SetError(new CapturingWriter(collector, StreamOutput.StandardError));
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Console.SetOut(_previousOut);
        Console.SetError(_previousError);
    }
}
