using System.Text;

namespace UniCode.Notebooks.Execution;

/// <summary>A console writer that turns everything written into a stream output of the running cell.</summary>
internal sealed class CapturingWriter(CellOutputCollector collector, string streamName) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => collector.AppendStream(streamName, [value]);

    public override void Write(string? value) => collector.AppendStream(streamName, value);

    public override void Write(char[] buffer, int index, int count) =>
        collector.AppendStream(streamName, buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer) => collector.AppendStream(streamName, buffer);
}
