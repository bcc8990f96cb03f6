using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using UniCode.Torch.Serialization;

namespace UniCode.Torch.Tests.Serialization;

public sealed class SafeTensorsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("unicode-torch-safetensors-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string PathOf(string name) => Path.Combine(folder, name);

    [Fact]
    public void Every_dtype_round_trips_with_its_shape_values_and_metadata()
    {
        using var scope = new DisposeScope();
        using var g = new Generator(1);
        var tensors = new Dictionary<string, Tensor>
        {
            ["f32"] = Tensor.Randn([2, 3], g),
            ["f64"] = Tensor.Randn([3], g, DType.Float64),
            ["bf16"] = Tensor.Randn([4, 1], g).To(DType.BFloat16),
            ["f16"] = Tensor.Randn([2], g).To(DType.Float16),
            ["i64"] = Tensor.FromArray(new long[,] { { long.MinValue, -1 }, { 0, long.MaxValue } }),
            ["i32"] = Tensor.From([int.MinValue, 7]),
            ["u8"] = Tensor.From(new byte[] { 0, 1, 128, 255 }),
            ["bool"] = Tensor.From([true, false, true]),
            ["scalar"] = Tensor.FromScalar(2.5),
            ["empty"] = Tensor.Zeros(0, 2),
            ["transposed"] = Tensor.Arange(6).View(2, 3).T, // not contiguous: written row-major
        };
        var metadata = new Dictionary<string, string> { ["format"] = "pt", ["note"] = "héllo \"quoted\"" };
        var path = PathOf("all.safetensors");
        SafeTensors.Save(path, tensors, metadata);

        var loaded = SafeTensors.Load(path, out var readMetadata);
        Assert.Equal(tensors.Keys.Order(), loaded.Keys.Order());
        foreach (var (name, expected) in tensors)
        {
            var actual = loaded[name];
            Assert.Equal(expected.DType, actual.DType);
            Assert.Equal(expected.Shape, actual.Shape);
            Assert.True(expected.Equal(actual), name);
        }

        Assert.Equal(metadata, readMetadata);
        Assert.Contains(("bf16", DType.BFloat16, new long[] { 4, 1 }), SafeTensors.Describe(path).Select(d => (d.Name, d.DType, d.Shape)),
            new DescriptionComparer());
    }

    private sealed class DescriptionComparer : IEqualityComparer<(string Name, DType DType, long[] Shape)>
    {
        public bool Equals((string Name, DType DType, long[] Shape) x, (string Name, DType DType, long[] Shape) y) =>
            x.Name == y.Name && x.DType == y.DType && x.Shape.SequenceEqual(y.Shape);

        public int GetHashCode((string Name, DType DType, long[] Shape) obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_follows_the_format_as_read_by_an_independent_parser()
    {
        using var scope = new DisposeScope();
        var matrix = new float[] { 1.5f, -2f, 3.25f, 1e-3f, float.MaxValue, -0f };
        var vector = new double[] { Math.PI, -Math.E };
        var path = PathOf("format.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor>
        {
            ["weight"] = Tensor.From(matrix, 2, 3),
            ["bias"] = Tensor.From(vector),
            ["ids"] = Tensor.From([3L, -4L]),
        }, new Dictionary<string, string> { ["epoch"] = "3" });

        // 8-byte little-endian header length, a JSON header, then the raw little-endian data.
        var bytes = File.ReadAllBytes(path);
        var headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(0, 8));
        Assert.True(8 + headerLength <= bytes.Length);
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, (int)headerLength));
        var root = header.RootElement;
        Assert.Equal("3", root.GetProperty("__metadata__").GetProperty("epoch").GetString());
        var dataStart = 8 + headerLength;

        byte[] Data(string name, string dtype, long[] shape, int elementSize)
        {
            var entry = root.GetProperty(name);
            Assert.Equal(dtype, entry.GetProperty("dtype").GetString());
            Assert.Equal(shape, entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
            var offsets = entry.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            Assert.Equal(shape.Aggregate(1L, (a, b) => a * b) * elementSize, offsets[1] - offsets[0]);
            return bytes[(int)(dataStart + offsets[0])..(int)(dataStart + offsets[1])];
        }

        var weight = Data("weight", "F32", [2, 3], 4);
        Assert.Equal(matrix.Select(BitConverter.SingleToInt32Bits), Enumerable.Range(0, 6).Select(i => BinaryPrimitives.ReadInt32LittleEndian(weight.AsSpan(4 * i))));
        var bias = Data("bias", "F64", [2], 8);
        Assert.Equal(vector, Enumerable.Range(0, 2).Select(i => BinaryPrimitives.ReadDoubleLittleEndian(bias.AsSpan(8 * i))));
        var ids = Data("ids", "I64", [2], 8);
        Assert.Equal([3L, -4L], MemoryMarshal.Cast<byte, long>(ids).ToArray());

        // The data section holds exactly the three tensors, back to back.
        Assert.Equal(24 + 16 + 16, bytes.Length - dataStart);
    }

    [Fact]
    public void A_bfloat16_tensor_is_stored_as_the_top_half_of_its_float32_bits()
    {
        using var scope = new DisposeScope();
        var path = PathOf("bf16.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = Tensor.From([1f, -2f, 0.5f]).To(DType.BFloat16) });
        var bytes = File.ReadAllBytes(path);
        var data = bytes[^6..];
        ushort[] expected = [0x3F80, 0xC000, 0x3F00];
        Assert.Equal(expected, Enumerable.Range(0, 3).Select(i => BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2 * i))));
    }

    [Fact]
    public void A_truncated_file_raises_InvalidDataException_naming_the_file()
    {
        using var scope = new DisposeScope();
        var path = PathOf("truncated.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = Tensor.Zeros(100) });
        var bytes = File.ReadAllBytes(path);

        File.WriteAllBytes(path, bytes[..^10]); // data cut short
        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);

        File.WriteAllBytes(path, bytes[..20]); // header cut short
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path)).Message, StringComparison.Ordinal);

        File.WriteAllBytes(path, bytes[..5]); // not even the length
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path)).Message, StringComparison.Ordinal);
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => SafeTensors.Describe(path)).Message, StringComparison.Ordinal);
    }

    private string WriteRaw(string name, string header, int dataBytes = 0)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static TheoryData<string, string> CorruptHeaders => new()
    {
        { "{not json", "not valid JSON" },
        { "[1, 2, 3]", "not a JSON object" },
        { """{"x": {"dtype": "F99", "shape": [2], "data_offsets": [0, 8]}}""", "unsupported dtype 'F99'" },
        { """{"x": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}}""", "'x'" },
        { """{"x": {"dtype": "F32", "shape": [2], "data_offsets": [8, 0]}}""", "'x'" },
        { """{"x": {"dtype": "F32", "shape": [-2], "data_offsets": [0, 8]}}""", "'x'" },
        { """{"x": {"dtype": "F32", "shape": "two", "data_offsets": [0, 8]}}""", "'x'" },
        { """{"x": {"dtype": 32, "shape": [2], "data_offsets": [0, 8]}}""", "'x'" },
        { """{"x": {"shape": [2], "data_offsets": [0, 8]}}""", "no dtype" },
        { """{"x": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "y": {"dtype": "F32", "shape": [4], "data_offsets": [8, 24]}}""", "'y'" },
        { """{"x": 5}""", "'x'" },
        { """{"__metadata__": {"a": 1}}""", "metadata 'a'" },
        { """{"x": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "x": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}""", "repeats a name" },
        { """{"x": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "y": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}""", "entry 'y' (data bytes 0..8) overlaps entry 'x'" },
        { """{"x": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "y": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}""", "entry 'y' (data bytes 4..8) overlaps entry 'x'" },
        { """{"x": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}""", "entry 'x' starts at data byte 4 but the previous buffer ends at 0" },
        { """{"x": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}""", "the buffers end at data byte 4 but the data section holds 8 bytes" },
        { """{"x": {"dtype": "F32", "shape": [4611686018427387904], "data_offsets": [0, 8]}}""", "entry 'x' has shape [4611686018427387904] whose size in float32 bytes overflows" },
        { """{"x": {"dtype": "F64", "shape": [3037000500, 3037000500], "data_offsets": [0, 8]}}""", "entry 'x' has shape [3037000500, 3037000500] whose size in float64 bytes overflows" },
    };

    [Theory]
    [MemberData(nameof(CorruptHeaders))]
    public void A_corrupt_header_raises_InvalidDataException_naming_the_file_and_the_problem(string header, string expected)
    {
        var path = WriteRaw("corrupt.safetensors", header, dataBytes: 8);
        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_length_beyond_the_file_raises_InvalidDataException()
    {
        var path = PathOf("huge.safetensors");
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, ulong.MaxValue);
        File.WriteAllBytes(path, bytes);
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_raises_FileNotFoundException_naming_it()
    {
        var path = PathOf("missing.safetensors");
        var error = Assert.Throws<FileNotFoundException>(() => SafeTensors.Load(path));
        Assert.Equal(path, error.FileName);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, Assert.Throws<FileNotFoundException>(() => SafeTensors.Describe(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_successful_save_leaves_no_temporary_file_behind()
    {
        using var scope = new DisposeScope();
        var path = PathOf("clean.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = Tensor.Ones(3) });
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = Tensor.Ones(4) }); // replaces
        Assert.Equal([path], Directory.GetFiles(folder));
        Assert.Equal([4L], SafeTensors.Load(path)["x"].Shape);
    }

    [Fact]
    public void A_failed_save_keeps_the_previous_file_intact()
    {
        using var scope = new DisposeScope();
        var path = PathOf("keep.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = Tensor.Ones(3) });
        var before = File.ReadAllBytes(path);

        var disposed = Tensor.Ones(5);
        disposed.Dispose();
        Assert.Throws<ObjectDisposedException>(() =>
            SafeTensors.Save(path, new Dictionary<string, Tensor> { ["a"] = Tensor.Zeros(1000), ["b"] = disposed }));
        Assert.Throws<ArgumentException>(() =>
            SafeTensors.Save(path, new Dictionary<string, Tensor> { ["__metadata__"] = Tensor.Zeros(1) }));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }

    [Fact]
    public void Save_creates_missing_folders()
    {
        using var scope = new DisposeScope();
        var path = Path.Combine(folder, "a", "b", "deep.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = Tensor.Ones(1) });
        Assert.True(SafeTensors.Load(path)["x"].Equal(Tensor.Ones(1)));
    }
}
