using UniCode.Kit.Data;

namespace UniCode.Kit.Tests.Multimodal;

/// <summary>A tiny labelled dataset of blank 8x8 images, for task builders that need classes.</summary>
internal sealed class LabelledImages(IReadOnlyList<string> classes, long[] labels) : IImageDataset
{
    public string Name => "labelled";

    public int Count => labels.Length;

    public int Height => 8;

    public int Width => 8;

    public int Channels => 1;

    public IReadOnlyList<string> ClassNames => classes;

    public long LabelAt(int index) => labels[index];

    public ImageExample Get(int index) => new(RawImage.Filled(8, 8, 0), labels[index], "", []);
}
