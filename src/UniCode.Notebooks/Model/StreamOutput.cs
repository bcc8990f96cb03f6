namespace UniCode.Notebooks.Model;

/// <summary>Text a cell wrote to standard output or standard error (nbformat <c>stream</c>).</summary>
public sealed class StreamOutput : CellOutput
{
    /// <summary>The <c>name</c> of standard output.</summary>
    public const string StandardOutput = "stdout";

    /// <summary>The <c>name</c> of standard error.</summary>
    public const string StandardError = "stderr";

    /// <summary>Creates a stream output.</summary>
    /// <param name="name"><see cref="StandardOutput"/> or <see cref="StandardError"/>.</param>
    /// <param name="text">The text written.</param>
    public StreamOutput(string name, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(text);
        Name = name;
        Text = text;
    }

    /// <inheritdoc/>
    public override string OutputType => "stream";

    /// <summary>The stream name, <c>stdout</c> or <c>stderr</c>.</summary>
    public string Name { get; }

    /// <summary>The text written.</summary>
    public string Text { get; }
}
