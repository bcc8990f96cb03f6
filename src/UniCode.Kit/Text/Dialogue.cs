namespace UniCode.Kit.Text;

/// <summary>
/// A LLaVA-style dialogue, as in LLaVA's JSON: <c>{"id", "image", "conversations": [{"from", "value"}, ...]}</c>.
/// Turns alternate, starting with a human turn.
/// </summary>
/// <param name="Id">Names the dialogue in error messages.</param>
/// <param name="Image">
/// The image the dialogue is about (LLaVA's "image" field: a file name or key), or null for a text-only
/// dialogue. The chat template does not read it; it only tells whether image slots are expected.
/// </param>
/// <param name="Turns">The turns in order.</param>
public sealed record Dialogue(string Id, string? Image, IReadOnlyList<DialogueTurn> Turns)
{
    /// <summary>Whether the dialogue has an image.</summary>
    public bool HasImage => Image is not null;

    /// <summary>A text-only dialogue from alternating question and answer texts.</summary>
    /// <param name="id">The dialogue's id.</param>
    /// <param name="questionsAndAnswers">Human, gpt, human, gpt, ... texts.</param>
    public static Dialogue TextOnly(string id, params string[] questionsAndAnswers) =>
        new(id, null, [.. questionsAndAnswers.Select((v, i) => i % 2 == 0 ? DialogueTurn.FromHuman(v) : DialogueTurn.FromGpt(v))]);
}
