namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>
/// Reads a yes/no reply the way POPE's evaluation does (Li et al. 2023): after
/// <see cref="AnswerNormalization.Normalize"/>, a reply whose first word is "yes" or "no" is that answer; otherwise a
/// reply containing the word "no" or "not" is a no, and anything else a yes.
/// </summary>
public static class YesNoAnswer
{
    /// <summary>Whether <paramref name="reply"/> says yes.</summary>
    /// <param name="reply">The model's reply ("Yes", "no.", "There is not a red circle.", ...).</param>
    public static bool IsYes(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var words = AnswerNormalization.Normalize(reply).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0 && words[0] is "yes" or "no")
        {
            return words[0] == "yes";
        }

        return !words.Any(w => w is "no" or "not");
    }
}
