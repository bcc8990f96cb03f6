using UniCode.Kit.Data;
using UniCode.Kit.Text;

namespace UniCode.Kit.Multimodal.Tasks;

/// <summary>
/// Builds each task's examples from a dataset, as LLaVA-style dialogues (the wording is <see cref="TaskPrompts"/>).
/// Input images of understanding tasks are code parts here; the Projector paradigm turns them into embeddings when
/// it lays out a sequence.
/// </summary>
public static class MllmTasks
{
    /// <summary>
    /// VQA on a dataset that has questions (Shapes QA). With one question per dialogue, one example per (image,
    /// question). With more, as LLaVA's conversations: a scene's questions, in an order shuffled by the scene's index
    /// (the same in every run), are cut into dialogues of up to <paramref name="questionsPerDialogue"/> turns about one
    /// image, each answer supervised; so a step sees that many answers for the image tokens it reads once.
    /// </summary>
    /// <param name="dataset">A dataset whose examples carry question-answer pairs.</param>
    /// <param name="kinds">Keep only these question kinds (null: all).</param>
    /// <param name="questionsPerDialogue">The most questions asked about one image in one example (at least 1).</param>
    public static TaskSet Vqa(IImageDataset dataset, IReadOnlyCollection<QuestionKind>? kinds = null, int questionsPerDialogue = 1)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(questionsPerDialogue, 1);
        var view = new VqaView(dataset, kinds);
        if (view.Count == 0)
        {
            throw new ArgumentException($"'{dataset.Name}' has no questions{(kinds is null ? "" : $" of the kinds {string.Join(", ", kinds)}")}", nameof(dataset));
        }

        if (questionsPerDialogue == 1)
        {
            return new TaskSet(TaskKind.Vqa, $"vqa on {dataset.Name}", view.Count, i =>
            {
                var example = view.Get(i);
                var qa = example.QuestionAnswers[0];
                return Understanding(TaskKind.Vqa, $"{dataset.Name}#{view.SourceIndexOf(i)}/q", example, qa.Question, qa.Answer);
            });
        }

        var dialogues = QuestionDialogues(view, questionsPerDialogue);
        return new TaskSet(TaskKind.Vqa, $"vqa on {dataset.Name} ({questionsPerDialogue} questions per dialogue)", dialogues.Count, i =>
        {
            var pairs = dialogues[i];
            var source = view.SourceIndexOf(pairs[0]);
            var example = view.Source.Get(source);
            var questions = pairs.Select(p => example.QuestionAnswers[view.QuestionIndexOf(p)]).ToList();
            var id = $"{dataset.Name}#{source}/q{i}";
            var turns = questions.SelectMany((qa, t) => new[] { DialogueTurn.FromHuman(t == 0 ? TaskPrompts.AboutImage(qa.Question) : qa.Question), DialogueTurn.FromGpt(qa.Answer) });
            return new TaskExample(TaskKind.Vqa, new Dialogue(id, id, [.. turns]), [ImagePart.InputCodes], example.Image, example.Label, questions[0].Question);
        });
    }

    /// <summary>The class question of a labelled dataset (Fashion-MNIST): "What is this?", answered by the class name
    /// in lower case.</summary>
    /// <param name="dataset">A dataset with class names.</param>
    public static TaskSet ClassQuestions(IImageDataset dataset)
    {
        RequireClasses(dataset);
        return new TaskSet(TaskKind.Vqa, $"class questions on {dataset.Name}", dataset.Count, i =>
        {
            var example = dataset.Get(i);
            return Understanding(TaskKind.Vqa, $"{dataset.Name}#{i}/class", example, TaskPrompts.WhatIsThis, ClassName(dataset, example.Label));
        });
    }

    /// <summary>Captioning: the image in, its caption out.</summary>
    /// <param name="dataset">A dataset with captions (Emoji, Shapes).</param>
    public static TaskSet Captions(IImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new TaskSet(TaskKind.Caption, $"captions of {dataset.Name}", dataset.Count, i =>
        {
            var example = dataset.Get(i);
            return Understanding(TaskKind.Caption, $"{dataset.Name}#{i}/caption", example, TaskPrompts.Describe, RequireCaption(dataset, i, example));
        });
    }

    /// <summary>Text to image: "Draw: caption", answered by the image's codes.</summary>
    /// <param name="dataset">A dataset with captions (Emoji, Shapes).</param>
    public static TaskSet TextToImage(IImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new TaskSet(TaskKind.TextToImage, $"text to image on {dataset.Name}", dataset.Count, i =>
        {
            var example = dataset.Get(i);
            var caption = RequireCaption(dataset, i, example);
            return Generation(TaskKind.TextToImage, $"{dataset.Name}#{i}/draw", example, TaskPrompts.DrawCaption(caption), caption);
        });
    }

    /// <summary>Class to image: "Draw a class.", answered by the image's codes.</summary>
    /// <param name="dataset">A labelled dataset (Fashion-MNIST).</param>
    public static TaskSet ClassToImage(IImageDataset dataset)
    {
        RequireClasses(dataset);
        return new TaskSet(TaskKind.ClassToImage, $"class to image on {dataset.Name}", dataset.Count, i =>
        {
            var example = dataset.Get(i);
            var name = ClassName(dataset, example.Label);
            return Generation(TaskKind.ClassToImage, $"{dataset.Name}#{i}/class", example, TaskPrompts.DrawClass(name), name);
        });
    }

    /// <summary>Unconditional generation on one class: the images of <paramref name="classIndex"/>, each answering
    /// "Draw an image."</summary>
    /// <param name="dataset">A labelled dataset (Fashion-MNIST).</param>
    /// <param name="classIndex">The one class (the LSUN analogue).</param>
    public static TaskSet Unconditional(IImageDataset dataset, int classIndex)
    {
        RequireClasses(dataset);
        if ((uint)classIndex >= (uint)dataset.ClassNames.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(classIndex), classIndex, $"'{dataset.Name}' has classes 0..{dataset.ClassNames.Count - 1}");
        }

        var indices = Enumerable.Range(0, dataset.Count).Where(i => dataset.LabelAt(i) == classIndex).ToArray();
        return new TaskSet(TaskKind.Unconditional, $"unconditional {dataset.ClassNames[classIndex]} of {dataset.Name}", indices.Length, i =>
        {
            var example = dataset.Get(indices[i]);
            return Generation(TaskKind.Unconditional, $"{dataset.Name}#{indices[i]}/free", example, TaskPrompts.DrawAnything, "");
        });
    }

    /// <summary>In-context decompression (Eq. 4): Ẑ in as soft embeddings, the flattened code map out.</summary>
    /// <param name="dataset">Any image dataset.</param>
    public static TaskSet Decompression(IImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new TaskSet(TaskKind.Decompression, $"decompression on {dataset.Name}", dataset.Count, i =>
        {
            var example = dataset.Get(i);
            var dialogue = new Dialogue($"{dataset.Name}#{i}/decompress", $"{dataset.Name}#{i}", [
                DialogueTurn.FromHuman(TaskPrompts.AboutImage(TaskPrompts.Decompress)),
                DialogueTurn.FromGpt(TaskPrompts.Image)]);
            return new TaskExample(TaskKind.Decompression, dialogue, [ImagePart.InputEmbeddings, ImagePart.AnswerCodes], example.Image, example.Label, "");
        });
    }

    /// <summary>The segmented multi-turn decompression (Eq. 5): <paramref name="segments"/> rounds; round t gives the
    /// Ẑ of segment t and is answered by that segment's codes, so each answer sees every earlier segment.</summary>
    /// <param name="dataset">Any image dataset.</param>
    /// <param name="segments">T: it must divide the coarse grid's cells (checked when a sequence is laid out).</param>
    public static TaskSet SegmentedDecompression(IImageDataset dataset, int segments)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(segments, 1);
        return new TaskSet(TaskKind.SegmentedDecompression, $"segmented decompression ({segments}) on {dataset.Name}", dataset.Count, i =>
        {
            var example = dataset.Get(i);
            var turns = new List<DialogueTurn>();
            var parts = new List<ImagePart>();
            for (var t = 0; t < segments; t++)
            {
                turns.Add(DialogueTurn.FromHuman(t == 0 ? TaskPrompts.AboutImage(TaskPrompts.Decompress) : TaskPrompts.Image));
                turns.Add(DialogueTurn.FromGpt(TaskPrompts.Image));
                parts.Add(new ImagePart(ImageForm.Embeddings, InAnswer: false, t, segments));
                parts.Add(new ImagePart(ImageForm.Codes, InAnswer: true, t, segments));
            }

            var dialogue = new Dialogue($"{dataset.Name}#{i}/decompress-{segments}", $"{dataset.Name}#{i}", turns);
            return new TaskExample(TaskKind.SegmentedDecompression, dialogue, parts, example.Image, example.Label, "");
        });
    }

    // The view's pairs grouped by scene, each scene's shuffled and cut into runs of at most `size`.
    private static List<int[]> QuestionDialogues(VqaView view, int size)
    {
        var dialogues = new List<int[]>();
        var start = 0;
        for (var i = 1; i <= view.Count; i++)
        {
            if (i < view.Count && view.SourceIndexOf(i) == view.SourceIndexOf(start))
            {
                continue;
            }

            var scene = Enumerable.Range(start, i - start).ToArray();
            SeededRandom.ForStream(0, (ulong)view.SourceIndexOf(start)).Shuffle(scene);
            dialogues.AddRange(scene.Chunk(size));
            start = i;
        }

        return dialogues;
    }

    private static TaskExample Understanding(TaskKind kind, string id, ImageExample example, string question, string answer)
    {
        var dialogue = new Dialogue(id, id, [DialogueTurn.FromHuman(TaskPrompts.AboutImage(question)), DialogueTurn.FromGpt(answer)]);
        return new TaskExample(kind, dialogue, [ImagePart.InputCodes], example.Image, example.Label, question);
    }

    private static TaskExample Generation(TaskKind kind, string id, ImageExample example, string instruction, string prompt)
    {
        var dialogue = new Dialogue(id, id, [DialogueTurn.FromHuman(instruction), DialogueTurn.FromGpt(TaskPrompts.Image)]);
        return new TaskExample(kind, dialogue, [ImagePart.AnswerCodes], example.Image, example.Label, prompt);
    }

    private static void RequireClasses(IImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.ClassNames.Count == 0)
        {
            throw new ArgumentException($"'{dataset.Name}' has no class names", nameof(dataset));
        }
    }

    private static string ClassName(IImageDataset dataset, long label) =>
        label >= 0 && label < dataset.ClassNames.Count
            ? dataset.ClassNames[(int)label].ToLowerInvariant()
            : throw new InvalidDataException($"'{dataset.Name}': label {label} is not one of its {dataset.ClassNames.Count} classes");

    private static string RequireCaption(IImageDataset dataset, int index, ImageExample example) =>
        string.IsNullOrWhiteSpace(example.Caption)
            ? throw new InvalidDataException($"'{dataset.Name}' example {index} has no caption")
            : example.Caption;
}
