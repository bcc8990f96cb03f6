namespace UniCode.Kit.Text;

/// <summary>
/// Lays out LLaVA-style dialogues for a causal LM:
/// <code>
/// &lt;|bos|&gt; (&lt;|user|&gt; question &lt;|assistant|&gt; answer &lt;|eos|&gt;)*
/// </code>
/// with each &lt;image&gt; marker expanded to <c>&lt;|image_begin|&gt;</c> + N <c>&lt;|image|&gt;</c> slots +
/// <c>&lt;|image_end|&gt;</c> (N = <see cref="ChatTemplateOptions.ImageTokenCount"/>). Exactly the answer tokens
/// and the <c>&lt;|eos|&gt;</c> closing each answer are supervised (the paper's loss on answer tokens only).
/// </summary>
/// <remarks>
/// A dialogue with an image but no marker gets the image at the start of its first human turn (where LLaVA
/// puts it). A marker in an assistant turn is an image the model generates (text-to-image): that span is
/// supervised like the rest of the answer. A marker in a dialogue without an image is an error.
/// </remarks>
public sealed class ChatTemplate
{
    /// <summary>Creates a template.</summary>
    /// <param name="tokenizer">Encodes the turn texts and provides the special token ids.</param>
    /// <param name="options">Image slot count and text handling; the defaults when null.</param>
    public ChatTemplate(BpeTokenizer tokenizer, ChatTemplateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        options ??= new ChatTemplateOptions();
        options.Validate();

        Tokenizer = tokenizer;
        Options = options;
    }

    /// <summary>The tokenizer.</summary>
    public BpeTokenizer Tokenizer { get; }

    /// <summary>The options.</summary>
    public ChatTemplateOptions Options { get; }

    /// <summary>Lays out a whole dialogue for training.</summary>
    /// <param name="dialogue">Alternating human and gpt turns, starting with human and ending with gpt.</param>
    /// <param name="maxLength">When given, the result is cut to at most this many positions (see <see cref="ChatExample.Truncate"/>).</param>
    /// <returns>Ids, aligned labels and image spans.</returns>
    /// <exception cref="ArgumentException">The dialogue is malformed; the message names its id and the turn.</exception>
    public ChatExample Encode(Dialogue dialogue, int? maxLength = null)
    {
        Validate(dialogue);
        if (!dialogue.Turns[^1].IsGpt)
        {
            throw Malformed(dialogue, dialogue.Turns.Count - 1,
                "the dialogue ends with a human turn; a training example needs every question answered (use BuildPrompt to generate)");
        }

        var builder = new Builder(this, dialogue);
        for (var k = 0; k < dialogue.Turns.Count; k++)
        {
            builder.AddTurn(k);
        }

        var example = new ChatExample([.. builder.Ids], [.. builder.Labels], [.. builder.Spans], truncated: false);
        return maxLength is { } max ? example.Truncate(max) : example;
    }

    /// <summary>
    /// The prompt for generating the answer to the last human turn: every turn before it in full, then
    /// <c>&lt;|user|&gt;</c> + its text + <c>&lt;|assistant|&gt;</c>. Turns after the last human turn (its reference
    /// answer) are left out, so an evaluation can compare the generated answer with it.
    /// </summary>
    /// <param name="dialogue">Alternating human and gpt turns, starting with human.</param>
    /// <returns>The prompt ids and image spans.</returns>
    public ChatPrompt BuildPrompt(Dialogue dialogue)
    {
        Validate(dialogue);
        var lastHuman = dialogue.Turns.Count - (dialogue.Turns[^1].IsHuman ? 1 : 2);
        var builder = new Builder(this, dialogue);
        for (var k = 0; k <= lastHuman; k++)
        {
            builder.AddTurn(k);
        }

        return new ChatPrompt([.. builder.Ids], [.. builder.Spans]);
    }

    private static void Validate(Dialogue dialogue)
    {
        ArgumentNullException.ThrowIfNull(dialogue);
        if (dialogue.Turns is null || dialogue.Turns.Count == 0)
        {
            throw Malformed(dialogue, null, "it has no turns");
        }

        var hasMarker = false;
        for (var k = 0; k < dialogue.Turns.Count; k++)
        {
            var turn = dialogue.Turns[k] ?? throw Malformed(dialogue, k, "the turn is null");
            if (!turn.IsHuman && !turn.IsGpt)
            {
                throw Malformed(dialogue, k, $"\"from\" is '{turn.From}'; it must be '{DialogueTurn.Human}' or '{DialogueTurn.Gpt}'");
            }

            if (turn.Value is null)
            {
                throw Malformed(dialogue, k, "\"value\" is null");
            }

            if (turn.IsHuman != (k % 2 == 0))
            {
                throw Malformed(dialogue, k, "turns must alternate human, gpt, human, ... starting with human");
            }

            hasMarker |= turn.Value.Contains(SpecialTokens.LlavaImageMarker, StringComparison.Ordinal);
        }

        if (hasMarker && !dialogue.HasImage)
        {
            throw Malformed(dialogue, null, $"a turn has the {SpecialTokens.LlavaImageMarker} marker but the dialogue has no image");
        }
    }

    private static ArgumentException Malformed(Dialogue dialogue, int? turn, string problem) =>
        new($"Dialogue '{dialogue.Id}'{(turn is { } k ? $", turn {k}" : "")}: {problem}.", nameof(dialogue));

    /// <summary>Accumulates one dialogue's ids, labels and spans.</summary>
    private sealed class Builder(ChatTemplate template, Dialogue dialogue)
    {
        private readonly BpeTokenizer tokenizer = template.Tokenizer;
        private readonly List<int> text = [];
        private bool implicitImagePending = dialogue.HasImage
            && !dialogue.Turns.Any(t => t.Value.Contains(SpecialTokens.LlavaImageMarker, StringComparison.Ordinal));

        public List<int> Ids { get; } = [template.Tokenizer.BosId];

        public List<int> Labels { get; } = [ChatExample.IgnoreIndex];

        public List<ImageSpan> Spans { get; } = [];

        public void AddTurn(int k)
        {
            var turn = dialogue.Turns[k];
            if (turn.IsHuman)
            {
                Add(tokenizer.UserId, supervised: false);
                if (implicitImagePending)
                {
                    AddImage(inAnswer: false);
                    implicitImagePending = false;
                }

                AddText(k, turn.Value, supervised: false);
                Add(tokenizer.AssistantId, supervised: false);
            }
            else
            {
                AddText(k, turn.Value, supervised: true);
                Add(tokenizer.EosId, supervised: true);
            }
        }

        private void AddText(int k, string value, bool supervised)
        {
            var marker = SpecialTokens.LlavaImageMarker;
            var from = 0;
            while (true)
            {
                var at = value.IndexOf(marker, from, StringComparison.Ordinal);
                text.Clear();
                try
                {
                    tokenizer.Encode(value[from..(at < 0 ? value.Length : at)], text, template.Options.AllowSpecialTokensInText);
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentException($"Dialogue '{dialogue.Id}', turn {k}: {e.Message}", nameof(dialogue), e);
                }

                foreach (var id in text)
                {
                    Add(id, supervised);
                }

                if (at < 0)
                {
                    return;
                }

                AddImage(supervised);
                from = at + marker.Length;
            }
        }

        private void AddImage(bool inAnswer)
        {
            Add(tokenizer.ImageBeginId, inAnswer);
            var slots = template.Options.SlotsFor(inAnswer);
            Spans.Add(new ImageSpan(Ids.Count, slots, inAnswer));
            for (var i = 0; i < slots; i++)
            {
                Add(tokenizer.ImageId, inAnswer);
            }

            Add(tokenizer.ImageEndId, inAnswer);
        }

        private void Add(int id, bool supervised)
        {
            Ids.Add(id);
            Labels.Add(supervised ? id : ChatExample.IgnoreIndex);
        }
    }
}
