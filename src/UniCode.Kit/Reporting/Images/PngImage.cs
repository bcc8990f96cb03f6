namespace UniCode.Kit.Reporting.Images;

/// <summary>
/// Encoded PNG bytes that notebooks display as an image (the <c>ToPng()</c> display convention): a chart
/// snapshot that renders everywhere (VS Code, GitHub, the executed copies in results/) and weighs kilobytes
/// instead of the megabytes of an inlined plotly.js.
/// </summary>
[UniCode.Torch.Display.TypeFormatterSource(typeof(UniCode.Kit.Reporting.Formatting.KitFormatterSource))]
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly byte[] bytes;

    /// <summary>Wraps PNG bytes.</summary>
    /// <param name="bytes">A PNG file's content.</param>
    public PngImage(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < Signature.Length || !bytes.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new ArgumentException("the bytes are not a PNG file (bad signature)", nameof(bytes));
        }

        this.bytes = bytes;
    }

    /// <summary>The PNG bytes.</summary>
    public byte[] ToPng() => bytes;

    /// <summary>Writes the PNG (atomically).</summary>
    /// <param name="path">The file.</param>
    public void Write(string path) => UniCode.Torch.Serialization.AtomicFile.WriteAllBytes(path, bytes);

    /// <inheritdoc/>
    public override string ToString() => $"PNG image, {bytes.Length:N0} bytes";
}
