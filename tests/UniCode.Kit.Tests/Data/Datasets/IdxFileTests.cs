using System.IO.Compression;
using UniCode.Kit.Data.Datasets;

namespace UniCode.Kit.Tests.Data.Datasets;

public sealed class IdxFileTests
{
    internal static byte[] Idx(int[] dims, byte[] values)
    {
        var bytes = new List<byte> { 0, 0, 0x08, (byte)dims.Length };
        foreach (var d in dims)
        {
            bytes.AddRange([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        }

        bytes.AddRange(values);
        return [.. bytes];
    }

    internal static void WriteGz(string path, byte[] content)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        gz.Write(content);
    }

    [Fact]
    public void Reads_a_gzipped_file_written_in_the_format()
    {
        using var temp = new TempFolder();
        var path = temp.File("x-images-idx3-ubyte.gz");
        var values = Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)i).ToArray();
        WriteGz(path, Idx([2, 3, 4], values));
        var data = IdxFile.Read(path);
        Assert.Equal([2, 3, 4], data.Dimensions);
        Assert.Equal(values, data.Data);
        Assert.Equal([2, 3, 4], IdxFile.ReadDimensions(path));
    }

    [Fact]
    public void A_truncated_file_is_an_error_naming_it()
    {
        using var temp = new TempFolder();
        var path = temp.File("short.gz");
        WriteGz(path, Idx([10, 28, 28], new byte[100]));
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void A_wrong_magic_number_is_an_error_naming_the_file()
    {
        using var temp = new TempFolder();
        var path = temp.File("bad.idx");
        File.WriteAllBytes(path, [0x12, 0x34, 0x08, 0x01, 0, 0, 0, 1, 5]);
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("not an IDX file", error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_gzip_are_an_error_naming_the_file()
    {
        using var temp = new TempFolder();
        var path = temp.File("garbage.gz");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 64).Select(i => (byte)(i * 37))]);
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Trailing_bytes_after_the_values_are_an_error()
    {
        using var temp = new TempFolder();
        var path = temp.File("long.idx");
        File.WriteAllBytes(path, Idx([2], [1, 2, 3]));
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.Contains(path, error.Message);
    }

    // Sizes whose product wraps a 64-bit integer to 0 ([65536] x 4 = 2^64) or to a small positive number, or just
    // exceeds what an array holds: each must be rejected when the header is read, naming the file.
    public static TheoryData<int[], bool> OverflowingHeaders() => new()
    {
        { [65536, 65536, 65536, 65536], false },
        { [65536, 65536, 65536, 65536], true },
        { [65536, 65536, 65536, 65536, 2], true },
        { [int.MaxValue, int.MaxValue, int.MaxValue], false },
        { [int.MaxValue, int.MaxValue, int.MaxValue], true },
        { [1 << 16, 1 << 16], false },
        { [60000, 28, 28, 28, 28], true },
    };

    [Theory]
    [MemberData(nameof(OverflowingHeaders))]
    public void A_header_whose_sizes_multiply_past_an_array_is_rejected_at_load_naming_the_file(int[] dims, bool gzipped)
    {
        using var temp = new TempFolder();
        var path = temp.File(gzipped ? "huge-idx.gz" : "huge.idx");
        var content = Idx(dims, new byte[16]);
        if (gzipped)
        {
            WriteGz(path, content);
        }
        else
        {
            File.WriteAllBytes(path, content);
        }

        foreach (var read in new Action[] { () => IdxFile.Read(path), () => IdxFile.ReadDimensions(path) })
        {
            var error = Assert.Throws<InvalidDataException>(read);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("more values than an array holds", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_zero_size_beside_huge_ones_is_an_empty_file_not_an_overflow()
    {
        using var temp = new TempFolder();
        var path = temp.File("empty.idx");
        File.WriteAllBytes(path, Idx([0, int.MaxValue, int.MaxValue], []));
        Assert.Empty(IdxFile.Read(path).Data);
    }
}
