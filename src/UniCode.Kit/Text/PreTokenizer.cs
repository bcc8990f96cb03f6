using System.Globalization;
using System.Text;

namespace UniCode.Kit.Text;

/// <summary>
/// Splits text into the pieces BPE merges may not cross, in the manner of GPT-2's pattern: an English
/// contraction suffix ('s 't 're 've 'm 'll 'd), a run of letters, a run of digits, a run of anything else
/// (punctuation, symbols, emoji), each optionally led by one space; and runs of whitespace. Written as a
/// scanner rather than a regular expression so that it is fast and so that combining marks stay with the
/// character they modify (GPT-2's pattern cuts "e\u0301" in two).
/// </summary>
internal static class PreTokenizer
{
    private enum CharClass
    {
        Space,
        Letter,
        Digit,
        Other,
        Mark,
    }

    /// <summary>
    /// Appends the (start, length) of each piece of <paramref name="text"/> to <paramref name="pieces"/>; the
    /// pieces cover the text exactly. Throws <see cref="ArgumentException"/> at an unpaired surrogate.
    /// </summary>
    /// <param name="text">The text to split.</param>
    /// <param name="pieces">Receives the pieces, relative to <paramref name="text"/>.</param>
    /// <param name="positionOffset">Added to positions in error messages, when the text is part of a larger string.</param>
    public static void Split(ReadOnlySpan<char> text, List<(int Start, int Length)> pieces, int positionOffset = 0)
    {
        var position = 0;
        while (position < text.Length)
        {
            var start = position;
            var first = Classify(text, position, positionOffset, out var width);
            if (first == CharClass.Space)
            {
                var end = position + width;
                while (end < text.Length && Classify(text, end, positionOffset, out var w) == CharClass.Space)
                {
                    end += w;
                }

                if (end == text.Length)
                {
                    pieces.Add((start, end - start));
                    return;
                }

                // Whitespace before a word: all but its last character form a piece; a last plain space
                // leads the next word (" word"), any other last whitespace character stands alone.
                var last = end - 1;
                if (last > start)
                {
                    pieces.Add((start, last - start));
                }

                if (text[last] != ' ')
                {
                    pieces.Add((last, 1));
                    position = end;
                    continue;
                }

                start = last;
                position = end;
                first = Classify(text, position, positionOffset, out width);
            }
            else if (text[position] == '\'' && ContractionLength(text[(position + 1)..]) is > 0 and var suffix)
            {
                pieces.Add((position, 1 + suffix));
                position += 1 + suffix;
                continue;
            }

            var runClass = first == CharClass.Mark ? CharClass.Letter : first;
            position += width;
            while (position < text.Length)
            {
                var next = Classify(text, position, positionOffset, out width);
                if (next != runClass && next != CharClass.Mark)
                {
                    break;
                }

                position += width;
            }

            pieces.Add((start, position - start));
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first unpaired surrogate in <paramref name="text"/>, if any.</summary>
    /// <param name="text">The text to check.</param>
    /// <param name="positionOffset">Added to the position in the message.</param>
    public static void ValidateUtf16(ReadOnlySpan<char> text, int positionOffset = 0)
    {
        var position = 0;
        while (position < text.Length)
        {
            Classify(text, position, positionOffset, out var width);
            position += width;
        }
    }

    private static int ContractionLength(ReadOnlySpan<char> rest)
    {
        if (rest.Length == 0)
        {
            return 0;
        }

        var a = char.ToLowerInvariant(rest[0]);
        if (a is 's' or 't' or 'm' or 'd')
        {
            return 1;
        }

        if (rest.Length >= 2)
        {
            var b = char.ToLowerInvariant(rest[1]);
            if ((a, b) is ('r', 'e') or ('v', 'e') or ('l', 'l'))
            {
                return 2;
            }
        }

        return 0;
    }

    private static CharClass Classify(ReadOnlySpan<char> text, int position, int positionOffset, out int width)
    {
        var c = text[position];
        if (c < 0x80)
        {
            // ASCII fast path: most of any corpus the kit sees.
            width = 1;
            return c switch
            {
                ' ' or '\t' or '\n' or '\v' or '\f' or '\r' => CharClass.Space,
                >= 'a' and <= 'z' or >= 'A' and <= 'Z' => CharClass.Letter,
                >= '0' and <= '9' => CharClass.Digit,
                _ => CharClass.Other,
            };
        }

        if (Rune.DecodeFromUtf16(text[position..], out var rune, out width) != System.Buffers.OperationStatus.Done)
        {
            throw UnpairedSurrogate(c, position + positionOffset);
        }

        if (Rune.IsWhiteSpace(rune))
        {
            return CharClass.Space;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => CharClass.Letter,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark => CharClass.Mark,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
                or UnicodeCategory.OtherNumber => CharClass.Digit,
            _ => CharClass.Other,
        };
    }

    private static ArgumentException UnpairedSurrogate(char c, int position) =>
        new($"The text has an unpaired UTF-16 surrogate (U+{(int)c:X4}) at index {position}. It has no UTF-8 " +
            "encoding, so a byte-level tokenizer cannot encode it and decode it back; remove it or replace it " +
            "(for example with U+FFFD) first.", "text");
}
