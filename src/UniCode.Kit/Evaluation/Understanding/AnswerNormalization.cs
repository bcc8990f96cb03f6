using System.Text;

namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>
/// Puts a free-form answer into the comparable form of the VQA evaluation (Antol et al. 2015; the official
/// <c>vqaEval.py</c>'s punctuation and digit/article processing, rewritten here): lower case; surrounding white space
/// trimmed; punctuation removed, except a period or comma between two digits ("2.5", "1,000" stay numbers); number words
/// zero to ten written as digits; the articles "a", "an" and "the" dropped; runs of white space collapsed to one space.
/// </summary>
/// <remarks>
/// The official script also expands a list of contractions ("dont" to "don't"); the kit's answers are single words,
/// colours, shapes and numbers, so that list is left out: "don't" normalises to "dont" on both sides of a comparison.
/// </remarks>
public static class AnswerNormalization
{
    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.Ordinal)
    {
        ["zero"] = "0",
        ["one"] = "1",
        ["two"] = "2",
        ["three"] = "3",
        ["four"] = "4",
        ["five"] = "5",
        ["six"] = "6",
        ["seven"] = "7",
        ["eight"] = "8",
        ["nine"] = "9",
        ["ten"] = "10",
    };

    private static readonly HashSet<string> Articles = new(["a", "an", "the"], StringComparer.Ordinal);

    /// <summary>The normalised form of <paramref name="answer"/> (see the type's summary); "" for null or blank.</summary>
    /// <param name="answer">A model's reply or a reference answer.</param>
    public static string Normalize(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return string.Empty;
        }

        var text = answer.Trim().ToLowerInvariant();
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                kept.Append(' ');
            }
            else if (char.IsLetterOrDigit(c))
            {
                kept.Append(c);
            }
            else if (c is '.' or ',' && i > 0 && i < text.Length - 1 && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]))
            {
                // A decimal point stays; a thousands separator goes, so "1,000" and "1000" agree.
                if (c == '.')
                {
                    kept.Append(c);
                }
            }
            else
            {
                // Other punctuation separates words ("red/blue" is two words), as a space would.
                kept.Append(' ');
            }
        }

        var words = kept.ToString()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Articles.Contains(w))
            .Select(w => NumberWords.GetValueOrDefault(w, w));
        return string.Join(' ', words);
    }
}
