using System.Text;
using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Execution;

/// <summary>
/// Gathers one cell's outputs in the order they happen. Consecutive writes to the same stream merge
/// into one stream output, as Jupyter shows them; a display in between starts a new one.
/// </summary>
internal sealed class CellOutputCollector
{
    private readonly Lock _gate = new();
    private readonly List<CellOutput> _outputs = [];
    private readonly StringBuilder _pendingText = new();
    private string? _pendingStream;
    private bool _closed;

    public void AppendStream(string streamName, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            if (_pendingStream != streamName)
            {
                FlushPendingStream();
                _pendingStream = streamName;
            }

            _pendingText.Append(text);
        }
    }

    /// <summary>Appends an output; ignored once the cell is closed (e.g. from a cell that outlived its timeout).</summary>
    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            FlushPendingStream();
            _outputs.Add(output);
        }
    }

    /// <summary>Stops accepting outputs and returns them in order.</summary>
    public IReadOnlyList<CellOutput> Close()
    {
        lock (_gate)
        {
            FlushPendingStream();
            _closed = true;
            return _outputs.ToArray();
        }
    }

    private void FlushPendingStream()
    {
        if (_pendingStream is not null && _pendingText.Length > 0)
        {
            _outputs.Add(new StreamOutput(_pendingStream, _pendingText.ToString()));
        }

        _pendingStream = null;
        _pendingText.Clear();
    }
}
