using System.Buffers.Binary;

namespace UniCode.Torch.Imaging;

/// <summary>
/// Detects encoded images that were cut short. OpenCV decodes a truncated JPEG or PNG to an image whose
/// missing part is grey and only prints a libjpeg warning ("Premature end of JPEG file") on stderr, so a
/// half-downloaded file would silently become training data. This walks the container's structure (JPEG
/// segments and entropy-coded scans up to the end-of-image marker, PNG chunks up to IEND, the RIFF size of
/// WebP) without decoding anything: a linear scan, cheap next to the decode.
/// </summary>
internal static class TruncationCheck
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Why the bytes are a truncated image, or null when they are complete (or of another format).</summary>
    /// <param name="bytes">The encoded image.</param>
    public static string? Problem(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            return Jpeg(bytes);
        }

        if (bytes.StartsWith(PngSignature))
        {
            return Png(bytes);
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..8]) + 8L;
            return size > bytes.Length ? $"the WebP data declares {size} bytes but holds {bytes.Length} (truncated)" : null;
        }

        return null;
    }

    private static string? Jpeg(ReadOnlySpan<byte> bytes)
    {
        const string truncated = "the JPEG data ends before its end-of-image marker (truncated)";
        var i = 2;
        while (true)
        {
            // Between segments only fill bytes (0xFF) may precede a marker; tolerate stray bytes as libjpeg does.
            while (i < bytes.Length && bytes[i] != 0xFF)
            {
                i++;
            }

            while (i < bytes.Length && bytes[i] == 0xFF)
            {
                i++;
            }

            if (i >= bytes.Length)
            {
                return truncated;
            }

            var marker = bytes[i++];
            if (marker == 0xD9)
            {
                return null; // end of image
            }

            if (marker is 0x01 or 0xD8 or (>= 0xD0 and <= 0xD7))
            {
                continue; // markers without a length
            }

            if (i + 2 > bytes.Length)
            {
                return truncated;
            }

            var length = (bytes[i] << 8) | bytes[i + 1];
            if (length < 2)
            {
                return $"the JPEG segment at byte {i - 2} has an invalid length {length}";
            }

            if (i + length > bytes.Length)
            {
                return truncated;
            }

            i += length;
            if (marker == 0xDA)
            {
                i = SkipScan(bytes, i);
            }
        }
    }

    // Entropy-coded data ends at the first marker other than a stuffed 0xFF00 or a restart marker.
    private static int SkipScan(ReadOnlySpan<byte> bytes, int i)
    {
        while (i < bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                i++;
                continue;
            }

            var j = i + 1;
            while (j < bytes.Length && bytes[j] == 0xFF)
            {
                j++;
            }

            if (j >= bytes.Length)
            {
                return bytes.Length;
            }

            if (bytes[j] == 0x00 || bytes[j] is >= 0xD0 and <= 0xD7)
            {
                i = j + 1;
                continue;
            }

            return i; // the next marker
        }

        return i;
    }

    private static string? Png(ReadOnlySpan<byte> bytes)
    {
        var i = PngSignature.Length;
        while (true)
        {
            if (i + 12 > bytes.Length)
            {
                return "the PNG data ends before its IEND chunk (truncated)";
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[i..]);
            var type = bytes.Slice(i + 4, 4);
            var next = i + 12L + length;
            if (next > bytes.Length)
            {
                return "the PNG data ends before its IEND chunk (truncated)";
            }

            if (type.SequenceEqual("IEND"u8))
            {
                return null;
            }

            i = (int)next;
        }
    }
}
