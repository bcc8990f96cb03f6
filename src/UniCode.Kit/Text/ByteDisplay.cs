namespace UniCode.Kit.Text;

/// <summary>
/// Shows token bytes as printable text, one character per byte, for the saved vocabulary: bytes that are
/// printable Latin-1 characters stand for themselves and the rest (controls, space, 0x7F-0xA0, 0xAD) borrow
/// characters from U+0100 upward, so " the" shows as "Ġthe" and a token that ends inside a UTF-8 sequence is
/// still visible. The mapping is a bijection, so the saved vocabulary can be checked against the merges.
/// </summary>
internal static class ByteDisplay
{
    private static readonly char[] ByteToChar = BuildTable();

    /// <summary>The printable form of <paramref name="bytes"/>.</summary>
    /// <param name="bytes">Token bytes.</param>
    public static string Show(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = ByteToChar[bytes[i]];
        }

        return new string(chars);
    }

    private static char[] BuildTable()
    {
        var table = new char[256];
        var borrowed = 0;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            table[b] = printable ? (char)b : (char)(256 + borrowed++);
        }

        return table;
    }
}
