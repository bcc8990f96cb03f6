using System.Buffers.Binary;
using System.IO.Compression;

namespace UniCode.Torch.Tests.Learning;

/// <summary>
/// Reads Fashion-MNIST from Debian's dataset-fashion-mnist package: gzipped IDX files (big-endian magic
/// 2051 for images, 2049 for labels, then the counts, rows and columns, then one byte per pixel or label).
/// </summary>
internal static class FashionMnist
{
    public const string Folder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The first <paramref name="count"/> images as uint8 [count, 28, 28] and labels as int64 [count].</summary>
    public static (Tensor Images, Tensor Labels) Load(string split, int count, string folder = Folder)
    {
        var images = ReadIdx(Path.Combine(folder, $"{split}-images-idx3-ubyte.gz"), 2051, count);
        var labels = ReadIdx(Path.Combine(folder, $"{split}-labels-idx1-ubyte.gz"), 2049, count);
        using var scope = new DisposeScope();
        var imageTensor = Tensor.From(images.Data, count, images.Dims[0], images.Dims[1]);
        var labelTensor = Tensor.From(labels.Data).Long();
        return (imageTensor.MoveToOuterScope(), labelTensor.MoveToOuterScope());
    }

    private static (byte[] Data, int[] Dims) ReadIdx(string path, int magic, int count)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Fashion-MNIST file not found: {path}. Install the dataset with `sudo apt-get install dataset-fashion-mnist`.", path);
        }

        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var header = new byte[8];
        stream.ReadExactly(header);
        var actualMagic = BinaryPrimitives.ReadInt32BigEndian(header);
        var items = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        if (actualMagic != magic || items < count)
        {
            throw new InvalidDataException($"{path}: magic {actualMagic} (expected {magic}), {items} items (need {count})");
        }

        var dims = new int[(magic & 0xFF) - 1];
        var dimBytes = new byte[4 * dims.Length];
        stream.ReadExactly(dimBytes);
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(dimBytes.AsSpan(4 * i));
        }

        var data = new byte[count * dims.Aggregate(1, (a, b) => a * b)];
        stream.ReadExactly(data);
        return (data, dims);
    }
}
