using System.Text.Json.Nodes;

namespace UniCode.Notebooks.Model;

/// <summary>The value of a cell's trailing expression (nbformat <c>execute_result</c>).</summary>
public sealed class ExecuteResultOutput : CellOutput
{
    /// <summary>Creates an execute result.</summary>
    /// <param name="executionCount">The execution count of the cell that produced it.</param>
    /// <param name="data">The representations of the value.</param>
    /// <param name="metadata">Output metadata; empty when <c>null</c>.</param>
    public ExecuteResultOutput(int? executionCount, MimeBundle data, JsonObject? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (executionCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(executionCount), executionCount, "An execution count cannot be negative.");
        }

        ExecutionCount = executionCount;
        Data = data;
        Metadata = metadata ?? [];
    }

    /// <inheritdoc/>
    public override string OutputType => "execute_result";

    /// <summary>The execution count of the cell that produced the result.</summary>
    public int? ExecutionCount { get; }

    /// <summary>The representations of the value.</summary>
    public MimeBundle Data { get; }

    /// <summary>Output metadata (free form).</summary>
    public JsonObject Metadata { get; }
}
