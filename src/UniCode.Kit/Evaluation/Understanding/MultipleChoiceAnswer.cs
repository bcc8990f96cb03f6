using System.Text.RegularExpressions;

namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>
/// Reads which option a reply chose. In order: a reply that is one letter, optionally in brackets or followed by
/// '.', ')' or ':' and then anything ("B", "(b)", "b) trouser", "B. Trouser"); a reply starting "answer:" or
/// "the answer is" followed by such a letter; a reply whose normalised text is one option's normalised text
/// ("Trouser."); a reply that contains exactly one option's text as whole words. Anything else is unparsed (null).
/// </summary>
public static partial class MultipleChoiceAnswer
{
    /// <summary>The chosen option's index, or null when the reply names none (or several).</summary>
    /// <param name="reply">The model's reply.</param>
    /// <param name="choices">The options' texts, lettered A, B, ... in order.</param>
    public static int? Parse(string reply, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(choices);
        var text = reply.Trim();
        var prefix = AnswerPrefix().Match(text);
        if (prefix.Success)
        {
            text = text[prefix.Length..].TrimStart();
        }

        var letter = LeadingLetter().Match(text);
        if (letter.Success)
        {
            var index = char.ToUpperInvariant(letter.Groups["letter"].Value[0]) - 'A';
            if (index < choices.Count)
            {
                return index;
            }
        }

        var normalized = AnswerNormalization.Normalize(text);
        var names = choices.Select(AnswerNormalization.Normalize).ToArray();
        var exact = Array.IndexOf(names, normalized);
        if (exact >= 0)
        {
            return exact;
        }

        var padded = $" {normalized} ";
        var contained = names.Select((n, i) => (Name: n, Index: i)).Where(p => p.Name.Length > 0 && padded.Contains($" {p.Name} ", StringComparison.Ordinal)).ToArray();
        return contained.Length == 1 ? contained[0].Index : null;
    }

    // "answer: ", "the answer is ", "answer is ": the forms instruction-tuned models put before a letter.
    [GeneratedRegex(@"^(the\s+)?answer\b(\s+is)?\s*[:\-]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnswerPrefix();

    // One letter, alone or in brackets, or followed by '.', ')' or ':' (and then the option's text): not the first
    // letter of a word ("Bag" is not B).
    [GeneratedRegex(@"^[\(\[]?(?<letter>[A-Za-z])(?:[\)\]\.:]+(?:\s|$)|\s*$)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingLetter();
}
