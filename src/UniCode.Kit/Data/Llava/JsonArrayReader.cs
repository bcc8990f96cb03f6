using System.Text.Json;

namespace UniCode.Kit.Data.Llava;

/// <summary>
/// Streams the elements of a top-level JSON array one at a time, holding only the current element (and a
/// read buffer) in memory, so that multi-gigabyte files such as LLaVA's instruction data can be read with
/// exact record numbers in error messages. A syntax error raises <see cref="InvalidDataException"/> with the
/// source, the index of the element being read and the 1-based line.
/// </summary>
public sealed class JsonArrayReader : IDisposable
{
    private const int InitialBufferSize = 1 << 16;

    private readonly Stream stream;
    private readonly string source;
    private byte[] buffer = new byte[InitialBufferSize];
    private int start;
    private int end;
    private bool finalBlock;
    private bool begun;
    private bool ended;
    private JsonReaderState state;

    /// <summary>Reads from <paramref name="stream"/> (which the reader disposes).</summary>
    /// <param name="stream">The JSON text.</param>
    /// <param name="source">A name for the text in error messages (e.g. the file path).</param>
    public JsonArrayReader(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        this.stream = stream;
        this.source = source;
        state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
    }

    /// <summary>How many elements have been returned.</summary>
    public long Index { get; private set; }

    /// <summary>The elements of the array in <paramref name="path"/>, streamed.</summary>
    /// <param name="path">The file.</param>
    public static IEnumerable<JsonElement> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new JsonArrayReader(File.OpenRead(path), path);
        while (reader.Next() is { } element)
        {
            yield return element;
        }
    }

    /// <summary>The next element, or null after the array's end.</summary>
    public JsonElement? Next()
    {
        while (!ended)
        {
            var (found, element) = TryNext();
            if (found)
            {
                if (element is { } e)
                {
                    Index++;
                    return e;
                }

                ended = true;
                return null;
            }

            if (finalBlock)
            {
                throw new InvalidDataException($"{source}: record {Index}: the file ends inside the JSON array (truncated?)");
            }

            Fill();
        }

        return null;
    }

    /// <inheritdoc/>
    public void Dispose() => stream.Dispose();

    // (true, element) for an element, (true, null) at the array's end, (false, _) when more bytes are needed.
    private (bool Found, JsonElement? Element) TryNext()
    {
        var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), finalBlock, state);
        try
        {
            if (!begun)
            {
                if (!reader.Read())
                {
                    return (false, null);
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new InvalidDataException($"{source}: expected a JSON array of records, found {reader.TokenType}");
                }

                Advance(ref reader);
                begun = true;
                reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), finalBlock, state);
            }

            if (!reader.Read())
            {
                return (false, null);
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                Advance(ref reader);
                return (true, null);
            }

            var elementStart = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                return (false, null);
            }

            var elementEnd = (int)reader.BytesConsumed;
            using var document = JsonDocument.Parse(buffer.AsMemory(start + elementStart, elementEnd - elementStart));
            var element = document.RootElement.Clone();
            Advance(ref reader);
            return (true, element);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? $" (line {l + 1})" : string.Empty;
            throw new InvalidDataException($"{source}: record {Index}{line}: invalid JSON: {e.Message}", e);
        }
    }

    private void Advance(ref Utf8JsonReader reader)
    {
        start += (int)reader.BytesConsumed;
        state = reader.CurrentState;
    }

    private void Fill()
    {
        // Keep the unread bytes, at the front of a buffer big enough to take more.
        var pending = end - start;
        if (pending == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, pending);
            start = 0;
            end = pending;
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            finalBlock = true;
        }

        end += read;
    }
}
