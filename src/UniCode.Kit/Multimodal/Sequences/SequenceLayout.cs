using UniCode.Kit.Multimodal.Tasks;
using UniCode.Kit.Text;

namespace UniCode.Kit.Multimodal.Sequences;

/// <summary>
/// Lays out task examples for the language model under an MLLM paradigm: the chat template's dialogue, each image
/// span filled with the image's code token ids or marked as soft slots, and the loss on the answers only (paper
/// Eq. 6). Under <see cref="MllmParadigm.Projector"/> input images are soft embeddings and no task may write one.
/// </summary>
public sealed class SequenceLayout
{
    private readonly Dictionary<(int Input, int Answer), ChatTemplate> templates = [];

    /// <summary>Binds the text tokenizer and the vocabulary layout.</summary>
    /// <param name="tokenizer">The LM's text tokenizer (its special tokens delimit turns and images).</param>
    /// <param name="vocabulary">Where the codes are in the LM's vocabulary.</param>
    /// <param name="maxLength">The LM's context: a longer sequence is an error (cutting an image span would corrupt it).</param>
    public SequenceLayout(BpeTokenizer tokenizer, ImageVocabulary vocabulary, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (vocabulary.TextVocabularySize != tokenizer.VocabularySize)
        {
            throw new ArgumentException(
                $"the vocabulary layout is for {vocabulary.TextVocabularySize} text ids but the tokenizer has {tokenizer.VocabularySize}", nameof(vocabulary));
        }

        Tokenizer = tokenizer;
        Vocabulary = vocabulary;
        MaxLength = maxLength;
    }

    /// <summary>The text tokenizer.</summary>
    public BpeTokenizer Tokenizer { get; }

    /// <summary>The vocabulary layout (and so the paradigm).</summary>
    public ImageVocabulary Vocabulary { get; }

    /// <summary>The longest sequence allowed.</summary>
    public int MaxLength { get; }

    /// <summary>A training sequence: every answer supervised, image answers included.</summary>
    /// <param name="example">The example.</param>
    /// <param name="image">Its image, encoded by the visual tokenizer.</param>
    public MultimodalSequence Lay(TaskExample example, EncodedImage image)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentNullException.ThrowIfNull(image);
        var forms = FormsOf(example);
        var chat = TemplateFor(example, forms, image).Encode(example.Dialogue);
        CheckSpans(example, chat.ImageSpans, example.Parts.Count);
        var soft = new List<SoftSlot>();
        for (var k = 0; k < forms.Length; k++)
        {
            var (start, count) = example.Parts[k].CellRange(image.Cells);
            if (forms[k] == ImageForm.Codes)
            {
                chat = chat.WithImageTokens(k, Vocabulary.TokensOf(image.Codes.AsSpan(start * image.CodesPerCell, count * image.CodesPerCell)));
            }
            else
            {
                AddSoft(soft, chat.ImageSpans[k], start);
            }
        }

        CheckLength(example, chat.Length);
        return new MultimodalSequence(example.Kind, [.. chat.InputIds], [.. chat.Labels], [.. soft], chat.ImageSpans);
    }

    /// <summary>
    /// The prompt of an example: its dialogue up to the last &lt;|assistant|&gt; token, input images filled, for
    /// the model to continue (an answer, or an image span). Labels are all ignored.
    /// </summary>
    /// <param name="example">The example (its last answer is what the model should produce).</param>
    /// <param name="image">Its image, when the prompt holds it (VQA, captioning, decompression); null for generation.</param>
    public MultimodalSequence Prompt(TaskExample example, EncodedImage? image)
    {
        ArgumentNullException.ThrowIfNull(example);
        var forms = FormsOf(example);
        var prompt = TemplateFor(example, forms, image).BuildPrompt(example.Dialogue);
        CheckSpans(example, prompt.ImageSpans, example.Parts.Count(p => !p.InAnswer) + PromptAnswerParts(example));
        var soft = new List<SoftSlot>();
        for (var k = 0; k < prompt.ImageSpans.Count; k++)
        {
            var encoded = image ?? throw new ArgumentNullException(nameof(image), $"'{example.Dialogue.Id}': its prompt holds an image; encode it first");
            var (start, count) = example.Parts[k].CellRange(encoded.Cells);
            if (forms[k] == ImageForm.Codes)
            {
                prompt = prompt.WithImageTokens(k, Vocabulary.TokensOf(encoded.Codes.AsSpan(start * encoded.CodesPerCell, count * encoded.CodesPerCell)));
            }
            else
            {
                AddSoft(soft, prompt.ImageSpans[k], start);
            }
        }

        CheckLength(example, prompt.Length);
        var ignored = Enumerable.Repeat(ChatExample.IgnoreIndex, prompt.Length).ToArray();
        return new MultimodalSequence(example.Kind, [.. prompt.InputIds], ignored, [.. soft], prompt.ImageSpans);
    }

    /// <summary>The number of code tokens an image answer of <paramref name="example"/> holds (exactly what a
    /// constrained decoder emits inside its span).</summary>
    /// <param name="example">A generation or decompression example.</param>
    /// <param name="cells">ĥŵ.</param>
    /// <param name="codesPerCell">Codes per coarse cell.</param>
    public static int AnswerImageTokens(TaskExample example, int cells, int codesPerCell)
    {
        ArgumentNullException.ThrowIfNull(example);
        var answer = example.Parts.LastOrDefault(p => p.Form == ImageForm.Codes)
            ?? throw new ArgumentException($"'{example.Dialogue.Id}' has no image answer", nameof(example));
        return answer.CellRange(cells).Count * codesPerCell;
    }

    // The form each part takes under the paradigm: Projector feeds every input image as embeddings and writes none.
    private ImageForm[] FormsOf(TaskExample example)
    {
        var forms = example.Parts.Select(p => p.Form).ToArray();
        if (Vocabulary.Paradigm != MllmParadigm.Projector)
        {
            return forms;
        }

        if (example.GeneratesImage)
        {
            throw new NotSupportedException($"'{example.Dialogue.Id}': the Projector paradigm is for understanding only; it cannot write an image ({example.Kind})");
        }

        return [.. forms.Select(_ => ImageForm.Embeddings)];
    }

    private ChatTemplate TemplateFor(TaskExample example, ImageForm[] forms, EncodedImage? image)
    {
        // Every input part of a task has one form and size, and so has every answer part: one slot count each.
        var (input, answer) = (1, 1);
        if (image is not null)
        {
            for (var k = example.Parts.Count - 1; k >= 0; k--)
            {
                var slots = example.Parts[k].Slots(image.Cells, image.CodesPerCell, forms[k]);
                (input, answer) = example.Parts[k].InAnswer ? (input, slots) : (slots, answer);
            }
        }

        if (!templates.TryGetValue((input, answer), out var template))
        {
            template = new ChatTemplate(Tokenizer, new ChatTemplateOptions { ImageTokenCount = answer, InputImageTokenCount = input });
            templates[(input, answer)] = template;
        }

        return template;
    }

    // Answer parts before the last assistant turn (the earlier rounds of segmented decompression) are in the prompt.
    private static int PromptAnswerParts(TaskExample example) =>
        example.Parts.Count(p => p.InAnswer) - CountMarkers(example.Dialogue.Turns[^1].IsGpt ? example.Dialogue.Turns[^1].Value : "");

    private static int CountMarkers(string text)
    {
        var count = 0;
        for (var at = text.IndexOf(TaskPrompts.Image, StringComparison.Ordinal); at >= 0; at = text.IndexOf(TaskPrompts.Image, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static void AddSoft(List<SoftSlot> soft, ImageSpan span, int firstCell)
    {
        for (var j = 0; j < span.Count; j++)
        {
            soft.Add(new SoftSlot(span.Start + j, firstCell + j));
        }
    }

    private static void CheckSpans(TaskExample example, IReadOnlyList<ImageSpan> spans, int expected)
    {
        if (spans.Count != expected)
        {
            throw new ArgumentException($"'{example.Dialogue.Id}' has {spans.Count} image spans but {expected} image parts", nameof(example));
        }

        for (var k = 0; k < spans.Count; k++)
        {
            if (spans[k].InAnswer != example.Parts[k].InAnswer)
            {
                throw new ArgumentException(
                    $"'{example.Dialogue.Id}': image part {k} is {(example.Parts[k].InAnswer ? "an answer" : "an input")} but its marker is in a {(spans[k].InAnswer ? "gpt" : "human")} turn",
                    nameof(example));
            }
        }
    }

    private void CheckLength(TaskExample example, int length)
    {
        if (length > MaxLength)
        {
            throw new ArgumentException($"'{example.Dialogue.Id}' ({example.Kind}) lays out to {length} positions; the language model's context is {MaxLength}", nameof(example));
        }
    }
}
