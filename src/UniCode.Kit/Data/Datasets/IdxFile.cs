using System.Buffers.Binary;
using System.IO.Compression;

namespace UniCode.Kit.Data.Datasets;

/// <summary>The contents of an IDX file: its dimensions and its unsigned-byte values in row-major order.</summary>
/// <param name="Path">The file it was read from.</param>
/// <param name="Dimensions">The sizes, outermost first (e.g. [60000, 28, 28]).</param>
/// <param name="Data">The values.</param>
public sealed record IdxData(string Path, IReadOnlyList<int> Dimensions, byte[] Data);

/// <summary>
/// Reads IDX files (LeCun's MNIST format, also used by Fashion-MNIST), plain or gzipped: a big-endian
/// magic number 0x0000TTDD (TT = 0x08 for unsigned bytes, DD = number of dimensions; 2051 for image files,
/// 2049 for label files), DD big-endian int32 sizes, then the values. A corrupt or truncated file raises
/// <see cref="InvalidDataException"/> naming the file.
/// </summary>
public static class IdxFile
{
    private const byte UnsignedByteType = 0x08;

    // Marks the errors this class raises itself, so the wrapper below does not wrap them twice.
    private static readonly string Marker = typeof(IdxFile).FullName!;

    /// <summary>Reads an IDX file; names ending in .gz are decompressed.</summary>
    /// <param name="path">The file.</param>
    public static IdxData Read(string path) => WithStream(path, stream => Read(stream, path));

    /// <summary>Reads only the header of an IDX file (cheap: stops after the sizes).</summary>
    /// <param name="path">The file; names ending in .gz are decompressed.</param>
    public static IReadOnlyList<int> ReadDimensions(string path) => WithStream(path, stream => ReadHeader(stream, path));

    // Opens the (possibly gzipped) file and turns every read failure into one error naming it.
    private static T WithStream<T>(string path, Func<Stream, T> read)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX file not found: {path}", path);
        }

        try
        {
            using var file = File.OpenRead(path);
            using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(file, CompressionMode.Decompress)
                : file;
            return read(stream);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException && e is not FileNotFoundException && !e.Data.Contains(Marker))
        {
            throw new InvalidDataException($"{path}: corrupt or truncated IDX file: {e.Message}", e);
        }
    }

    private static IdxData Read(Stream stream, string path)
    {
        var dims = ReadHeader(stream, path);
        var data = new byte[ValueCount(dims)];
        var read = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (read < data.Length)
        {
            throw Fail(path, $"truncated IDX file: sizes [{string.Join(", ", dims)}] need {data.Length} bytes of values, the file has {read}");
        }

        Span<byte> extra = stackalloc byte[1];
        if (stream.Read(extra) != 0)
        {
            throw Fail(path, $"IDX file has bytes after the {data.Length} values its sizes [{string.Join(", ", dims)}] describe");
        }

        return new IdxData(path, dims, data);
    }

    private static int[] ReadHeader(Stream stream, string path)
    {
        Span<byte> magic = stackalloc byte[4];
        if (stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4)
        {
            throw Fail(path, "truncated IDX file: no 4-byte magic number");
        }

        if (magic[0] != 0 || magic[1] != 0)
        {
            throw Fail(path, $"not an IDX file: magic number 0x{BinaryPrimitives.ReadUInt32BigEndian(magic):X8} does not start with two zero bytes");
        }

        if (magic[2] != UnsignedByteType)
        {
            throw Fail(path, $"IDX value type 0x{magic[2]:X2} is not supported (only 0x08, unsigned bytes)");
        }

        int rank = magic[3];
        if (rank is < 1 or > 8)
        {
            throw Fail(path, $"IDX file claims {rank} dimensions (expected 1-8)");
        }

        var dims = new int[rank];
        Span<byte> size = stackalloc byte[4];
        for (var i = 0; i < rank; i++)
        {
            if (stream.ReadAtLeast(size, 4, throwOnEndOfStream: false) < 4)
            {
                throw Fail(path, $"truncated IDX file: header ends before size {i + 1} of {rank}");
            }

            var value = BinaryPrimitives.ReadInt32BigEndian(size);
            if (value < 0)
            {
                throw Fail(path, $"IDX size {i + 1} is negative ({value})");
            }

            dims[i] = value;
        }

        // Checked here, so that a header whose sizes multiply past what an array holds (or past 2^63, where the
        // product would wrap around to a small number) is rejected when it is read, by ReadDimensions too.
        if (ValueCountOrNull(dims) is null)
        {
            throw Fail(path, $"IDX sizes [{string.Join(", ", dims)}] describe more values than an array holds ({Array.MaxLength})");
        }

        return dims;
    }

    // The product of the sizes, or null when it exceeds Array.MaxLength (each step is checked before it can overflow).
    private static long? ValueCountOrNull(int[] dims)
    {
        long total = 1;
        foreach (var d in dims)
        {
            if (d != 0 && total > Array.MaxLength / d)
            {
                return null;
            }

            total *= d;
        }

        return total;
    }

    private static int ValueCount(int[] dims) => (int)ValueCountOrNull(dims)!.Value;

    private static InvalidDataException Fail(string path, string message)
    {
        var error = new InvalidDataException($"{path}: {message}");
        error.Data[Marker] = true;
        return error;
    }
}
