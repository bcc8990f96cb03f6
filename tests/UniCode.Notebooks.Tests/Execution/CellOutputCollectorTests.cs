using UniCode.Notebooks.Execution;
using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Tests.Execution;

public sealed class CellOutputCollectorTests
{
    [Fact]
    public void Consecutive_writes_to_one_stream_merge_and_other_outputs_keep_their_place()
    {
        var collector = new CellOutputCollector();
        collector.AppendStream("stdout", "a");
        collector.AppendStream("stdout", "b\n");
        collector.AppendStream("stderr", "warn\n");
        collector.AppendStream("stdout", "c\n");
        collector.Add(new DisplayDataOutput(new MimeBundle()));
        collector.AppendStream("stdout", "d\n");

        var outputs = collector.Close();

        Assert.Equal(["stream", "stream", "stream", "display_data", "stream"], outputs.Select(o => o.OutputType));
        Assert.Equal(["ab\n", "warn\n", "c\n", "d\n"], outputs.OfType<StreamOutput>().Select(s => s.Text));
        Assert.Equal(["stdout", "stderr", "stdout", "stdout"], outputs.OfType<StreamOutput>().Select(s => s.Name));
    }

    [Fact]
    public void Nothing_is_added_after_the_cell_is_closed()
    {
        var collector = new CellOutputCollector();
        collector.AppendStream("stdout", "kept\n");
        var outputs = collector.Close();

        collector.AppendStream("stdout", "late\n");
        collector.Add(new DisplayDataOutput(new MimeBundle()));

        Assert.Equal("kept\n", Assert.IsType<StreamOutput>(Assert.Single(outputs)).Text);
        Assert.Single(collector.Close());
    }
}
