using UniCode.Kit.Text;
namespace UniCode.Kit.Data.Llava;

/// <summary>One LLaVA training record: an id, an optional image path and a conversation.</summary>
/// <param name="Id">The record's id (numbers in the source are kept as their text).</param>
/// <param name="Image">The image path relative to the image folder, or null for a text-only record.</param>
/// <param name="Conversations">Alternating human/gpt turns, starting with human and ending with gpt.</param>
public sealed record LlavaRecord(string Id, string? Image, IReadOnlyList<DialogueTurn> Conversations)
{
    /// <summary>The placeholder that marks where the image goes in the human text.</summary>
    public const string ImageToken = "<image>";

    /// <summary>The speaker name of user turns.</summary>
    public const string Human = "human";

    /// <summary>The speaker name of assistant turns.</summary>
    public const string Gpt = "gpt";

    /// <summary>The record as the chat template's dialogue (same id, image and turns).</summary>
    public Dialogue ToDialogue() => new(Id, Image, Conversations);

    /// <summary>The conversation as (question, answer) pairs, with the image placeholder and the blank lines around it removed.</summary>
    public IReadOnlyList<QuestionAnswer> ToQuestionAnswers()
    {
        var pairs = new List<QuestionAnswer>();
        for (var i = 0; i + 1 < Conversations.Count; i += 2)
        {
            var question = Conversations[i].Value.Replace(ImageToken, string.Empty, StringComparison.Ordinal).Trim();
            pairs.Add(new QuestionAnswer(QuestionKind.Open, question, Conversations[i + 1].Value.Trim()));
        }

        return pairs;
    }
}
