using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UniCode.Torch.Serialization;

/// <summary>
/// Reads and writes safetensors files: an 8-byte little-endian header length, a JSON header mapping names
/// to <c>{dtype, shape, data_offsets}</c> (plus optional string <c>__metadata__</c>), then the raw
/// little-endian data. Files interoperate with Python's safetensors and PyTorch. Writes are atomic (a temp
/// file renamed into place); a truncated or corrupt file raises <see cref="InvalidDataException"/> naming it.
/// </summary>
public static class SafeTensors
{
    private const long MaxHeaderBytes = 100L * 1024 * 1024;
    private const string MetadataKey = "__metadata__";

    /// <summary>Writes tensors (moved to the CPU, laid out row-major) and string metadata to <paramref name="path"/>.</summary>
    /// <param name="path">The file; replaced atomically.</param>
    /// <param name="tensors">Tensors by name.</param>
    /// <param name="metadata">Optional string metadata.</param>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("safetensors data is little-endian; big-endian hosts are not supported");
        }

        var entries = tensors.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
        {
            var meta = new JsonObject();
            foreach (var (key, value) in metadata)
            {
                meta[key] = value;
            }

            header[MetadataKey] = meta;
        }

        long offset = 0;
        foreach (var (name, tensor) in entries)
        {
            if (name == MetadataKey)
            {
                throw new ArgumentException($"'{MetadataKey}' is reserved and cannot name a tensor", nameof(tensors));
            }

            ArgumentNullException.ThrowIfNull(tensor, $"{nameof(tensors)}[{name}]");
            var bytes = tensor.NumElements * tensor.DType.ElementSize();
            header[name] = new JsonObject
            {
                ["dtype"] = DTypeCode(tensor.DType),
                ["shape"] = new JsonArray([.. tensor.Shape.Select(d => JsonValue.Create(d))]),
                ["data_offsets"] = new JsonArray(JsonValue.Create(offset), JsonValue.Create(offset + bytes)),
            };
            offset += bytes;
        }

        // The header is padded with spaces to a multiple of 8 bytes, as the reference implementation does.
        var headerBytes = Encoding.UTF8.GetBytes(header.ToJsonString());
        var padded = (headerBytes.Length + 7) / 8 * 8;
        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
            stream.Write(length);
            stream.Write(headerBytes);
            for (var i = headerBytes.Length; i < padded; i++)
            {
                stream.WriteByte((byte)' ');
            }

            foreach (var (_, tensor) in entries)
            {
                var buffer = new byte[tensor.NumElements * tensor.DType.ElementSize()];
                tensor.CopyBytesTo(buffer);
                stream.Write(buffer);
            }
        });
    }

    /// <summary>Reads every tensor of a safetensors file (on the CPU).</summary>
    /// <param name="path">The file.</param>
    public static Dictionary<string, Tensor> Load(string path) => Load(path, out _);

    /// <summary>Reads every tensor of a safetensors file and its string metadata.</summary>
    /// <param name="path">The file.</param>
    /// <param name="metadata">The header's <c>__metadata__</c> (empty when absent).</param>
    public static Dictionary<string, Tensor> Load(string path, out Dictionary<string, string> metadata)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"safetensors file not found: {path}", path);
        }

        using var stream = File.OpenRead(path);
        var (entries, meta, dataStart) = ReadHeader(stream, path);
        metadata = meta;
        var result = new Dictionary<string, Tensor>();
        try
        {
            foreach (var entry in entries)
            {
                var buffer = new byte[entry.End - entry.Begin];
                stream.Position = dataStart + entry.Begin;
                stream.ReadExactly(buffer);
                result[entry.Name] = Tensor.FromBytes(buffer, entry.DType, entry.Shape);
            }
        }
        catch
        {
            foreach (var tensor in result.Values)
            {
                tensor.Dispose();
            }

            throw;
        }

        return result;
    }

    /// <summary>The names, dtypes and shapes in a file, without reading the data.</summary>
    /// <param name="path">The file.</param>
    public static IReadOnlyList<(string Name, DType DType, long[] Shape)> Describe(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return [.. ReadHeader(stream, path).Entries.Select(e => (e.Name, e.DType, e.Shape))];
    }

    private sealed record Entry(string Name, DType DType, long[] Shape, long Begin, long End);

    private static (List<Entry> Entries, Dictionary<string, string> Metadata, long DataStart) ReadHeader(FileStream stream, string path)
    {
        var fileLength = stream.Length;
        if (fileLength < 8)
        {
            throw Corrupt(path, $"the file is {fileLength} bytes long, shorter than the 8-byte header length");
        }

        Span<byte> lengthBytes = stackalloc byte[8];
        stream.ReadExactly(lengthBytes);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength > (ulong)MaxHeaderBytes || (long)headerLength > fileLength - 8)
        {
            throw Corrupt(path, $"the header claims {headerLength} bytes but the file holds {fileLength - 8} after the length (truncated or not a safetensors file)");
        }

        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        JsonObject header;
        try
        {
            header = JsonNode.Parse(headerBytes) as JsonObject ?? throw Corrupt(path, "the header is not a JSON object");
            _ = header.Count; // JsonObject reads its properties lazily; a repeated name throws here, not later
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: the safetensors header is not valid JSON ({ex.Message})", ex);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{path}: the safetensors header repeats a name ({ex.Message})", ex);
        }

        var dataStart = 8 + (long)headerLength;
        var dataLength = fileLength - dataStart;
        var metadata = new Dictionary<string, string>();
        var entries = new List<Entry>();
        foreach (var (name, node) in header)
        {
            if (name == MetadataKey)
            {
                foreach (var (key, value) in node as JsonObject ?? throw Corrupt(path, "__metadata__ is not an object"))
                {
                    metadata[key] = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw Corrupt(path, $"metadata '{key}' is not a string");
                }

                continue;
            }

            entries.Add(ParseEntry(name, node, path, dataLength));
        }

        CheckLayout(entries, path, dataLength);
        return (entries, metadata, dataStart);
    }

    // The format requires the entries' buffers to tile the data section: sorted by offset, each starts where the
    // previous one ends, the first at 0 and the last at the end (no overlap, no shared bytes, no holes), as
    // Python's safetensors checks.
    private static void CheckLayout(List<Entry> entries, string path, long dataLength)
    {
        var sorted = entries.OrderBy(e => e.Begin).ThenBy(e => e.End).ToList();
        long end = 0;
        Entry? previous = null;
        foreach (var entry in sorted)
        {
            if (entry.Begin < end)
            {
                throw Corrupt(path, $"entry '{entry.Name}' (data bytes {entry.Begin}..{entry.End}) overlaps entry '{previous!.Name}' ({previous.Begin}..{previous.End}); buffers must not share bytes");
            }

            if (entry.Begin > end)
            {
                throw Corrupt(path, $"entry '{entry.Name}' starts at data byte {entry.Begin} but the previous buffer ends at {end}; buffers must be contiguous");
            }

            end = entry.End;
            previous = entry;
        }

        if (end != dataLength)
        {
            throw Corrupt(path, $"the buffers end at data byte {end} but the data section holds {dataLength} bytes; buffers must cover it exactly");
        }
    }

    private static Entry ParseEntry(string name, JsonNode? node, string path, long dataLength)
    {
        try
        {
            var info = node as JsonObject ?? throw Corrupt(path, $"entry '{name}' is not an object");
            var dtype = ParseDType(info["dtype"]?.GetValue<string>() ?? throw Corrupt(path, $"entry '{name}' has no dtype"), path, name);
            var shape = (info["shape"] as JsonArray ?? throw Corrupt(path, $"entry '{name}' has no shape")).Select(d => d!.GetValue<long>()).ToArray();
            var offsets = (info["data_offsets"] as JsonArray ?? throw Corrupt(path, $"entry '{name}' has no data_offsets")).Select(d => d!.GetValue<long>()).ToArray();
            if (shape.Any(d => d < 0) || offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0])
            {
                throw Corrupt(path, $"entry '{name}' has an invalid shape or data_offsets");
            }

            var expected = ByteSize(shape, dtype) ?? throw Corrupt(path, $"entry '{name}' has shape [{string.Join(", ", shape)}] whose size in {dtype.TorchName()} bytes overflows a 64-bit integer");
            if (offsets[1] - offsets[0] != expected)
            {
                throw Corrupt(path, $"entry '{name}' spans {offsets[1] - offsets[0]} bytes but its dtype and shape need {expected}");
            }

            if (offsets[1] > dataLength)
            {
                throw Corrupt(path, $"entry '{name}' ends at data byte {offsets[1]} but the file holds only {dataLength} data bytes (truncated)");
            }

            return new Entry(name, dtype, shape, offsets[0], offsets[1]);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or NullReferenceException)
        {
            throw new InvalidDataException($"{path}: entry '{name}' is malformed ({ex.Message})", ex);
        }
    }

    // Elements times the element size, or null when that overflows.
    private static long? ByteSize(long[] shape, DType dtype)
    {
        try
        {
            return checked(shape.Aggregate(1L, (a, b) => checked(a * b)) * dtype.ElementSize());
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static string DTypeCode(DType dtype) => dtype switch
    {
        DType.Float32 => "F32",
        DType.Float64 => "F64",
        DType.Float16 => "F16",
        DType.BFloat16 => "BF16",
        DType.Int64 => "I64",
        DType.Int32 => "I32",
        DType.Int16 => "I16",
        DType.Int8 => "I8",
        DType.UInt8 => "U8",
        DType.Bool => "BOOL",
        _ => throw new NotSupportedException($"safetensors has no code for {dtype}"),
    };

    private static DType ParseDType(string code, string path, string name) => code switch
    {
        "F32" => DType.Float32,
        "F64" => DType.Float64,
        "F16" => DType.Float16,
        "BF16" => DType.BFloat16,
        "I64" => DType.Int64,
        "I32" => DType.Int32,
        "I16" => DType.Int16,
        "I8" => DType.Int8,
        "U8" => DType.UInt8,
        "BOOL" => DType.Bool,
        _ => throw Corrupt(path, $"entry '{name}' has unsupported dtype '{code}'"),
    };

    private static InvalidDataException Corrupt(string path, string reason) => new($"{path}: not a valid safetensors file: {reason}");
}
