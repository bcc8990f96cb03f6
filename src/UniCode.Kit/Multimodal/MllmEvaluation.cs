using UniCode.Kit.Data;
using UniCode.Kit.Data.Shapes;
using UniCode.Kit.Evaluation.Understanding;

namespace UniCode.Kit.Multimodal;

/// <summary>One answered question, for a report's samples.</summary>
/// <param name="Image">The image.</param>
/// <param name="Question">The question and its reference answer.</param>
/// <param name="Prediction">What the model answered.</param>
public sealed record VqaSample(RawImage Image, QuestionAnswer Question, string Prediction);

/// <summary>VQA accuracy and the answered questions it was measured on.</summary>
/// <param name="Accuracy">Exact-answer accuracy, overall and per question kind.</param>
/// <param name="Samples">Every question with its prediction, in order.</param>
public sealed record VqaEvaluation(VqaAccuracyResult Accuracy, IReadOnlyList<VqaSample> Samples);

/// <summary>Measures a trained MLLM on held-out data.</summary>
public static class MllmEvaluation
{
    /// <summary>VQA accuracy on the first <paramref name="count"/> questions of a dataset with questions (Shapes QA),
    /// answered greedily in batches.</summary>
    /// <param name="inference">The model and its answer sampling.</param>
    /// <param name="dataset">Held-out images with questions.</param>
    /// <param name="count">How many questions (fewer if the dataset has fewer).</param>
    /// <param name="kinds">Only these question kinds (null: all).</param>
    /// <param name="batchSize">Questions answered together.</param>
    public static VqaEvaluation Vqa(MllmInference inference, IImageDataset dataset, int count, IReadOnlyCollection<QuestionKind>? kinds = null, int batchSize = 32)
    {
        ArgumentNullException.ThrowIfNull(inference);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var view = new VqaView(dataset, kinds);
        if (view.Count == 0)
        {
            throw new ArgumentException($"'{dataset.Name}' has no questions to evaluate", nameof(dataset));
        }

        var examples = Enumerable.Range(0, Math.Min(count, view.Count)).Select(view.Get).ToArray();
        var samples = new List<VqaSample>(examples.Length);
        foreach (var chunk in examples.Chunk(batchSize))
        {
            var answers = inference.Ask([.. chunk.Select(e => e.Image)], [.. chunk.Select(e => e.QuestionAnswers[0].Question)]);
            samples.AddRange(chunk.Select((e, i) => new VqaSample(e.Image, e.QuestionAnswers[0], answers[i])));
        }

        var accuracy = VqaAccuracy.Compute([.. samples.Select(s => s.Prediction)], [.. samples.Select(s => s.Question)]);
        return new VqaEvaluation(accuracy, samples);
    }

    /// <summary>The class question of a labelled dataset ("What is this?", answered by the class name in lower case),
    /// scored as VQA on the first <paramref name="count"/> images.</summary>
    /// <param name="inference">The model.</param>
    /// <param name="dataset">Held-out labelled images (Fashion-MNIST).</param>
    /// <param name="count">How many images.</param>
    /// <param name="batchSize">Questions answered together.</param>
    public static VqaEvaluation ClassQuestions(MllmInference inference, IImageDataset dataset, int count, int batchSize = 32)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Vqa(inference, new ClassQuestionView(dataset), count, null, batchSize);
    }

    /// <summary>Class to image: <paramref name="perClass"/> images of every class drawn, and how often the dataset's
    /// feature CNN classifies them as the asked class (chance is one over the classes).</summary>
    /// <param name="inference">The model.</param>
    /// <param name="net">The feature CNN of the dataset.</param>
    /// <param name="classNames">The classes, in label order.</param>
    /// <param name="perClass">Images per class.</param>
    /// <param name="size">The image side.</param>
    /// <returns>The accuracy, and the drawn images [classes · perClass, C, H, W] (the caller disposes them).</returns>
    public static (Evaluation.Generation.ClassAccuracyResult Accuracy, Torch.Tensor Images) ClassToImage(
        MllmInference inference, Evaluation.Features.FeatureCnn net, IReadOnlyList<string> classNames, int perClass, int size)
    {
        ArgumentNullException.ThrowIfNull(inference);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentOutOfRangeException.ThrowIfLessThan(perClass, 1);
        var labels = Enumerable.Range(0, classNames.Count).SelectMany(c => Enumerable.Repeat((long)c, perClass)).ToArray();
        var images = inference.GenerateClass([.. labels.Select(l => classNames[(int)l])], size);
        return (Evaluation.Generation.ClassAccuracy.Compute(net, images, labels), images);
    }

    /// <summary>POPE on Shapes scenes: the probes of the first <paramref name="scenes"/> scenes under one negative
    /// sampling (present objects answered yes, absent ones no), answered greedily in batches and scored with "yes" as
    /// the positive class.</summary>
    /// <param name="inference">The model.</param>
    /// <param name="dataset">Held-out Shapes scenes.</param>
    /// <param name="scenes">How many scenes to probe (fewer if the dataset has fewer).</param>
    /// <param name="sampling">Random, popular or adversarial negatives.</param>
    /// <param name="batchSize">Questions answered together.</param>
    public static PopeResult Pope(MllmInference inference, ShapesDataset dataset, int scenes, PopeSampling sampling, int batchSize = 32)
    {
        ArgumentNullException.ThrowIfNull(inference);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(scenes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var count = Math.Min(scenes, dataset.Count);
        // The object statistics (for popular and adversarial negatives) are the whole held-out set's.
        var all = Enumerable.Range(0, dataset.Count).Select(dataset.Scene).ToArray();
        var questions = PopeSet.Build(all[..count], new PopeSetOptions { Sampling = sampling }, PopeStatistics.Count(all));
        var replies = new List<string>(questions.Count);
        foreach (var chunk in questions.Chunk(batchSize))
        {
            replies.AddRange(inference.Ask([.. chunk.Select(q => dataset.Get(q.Scene).Image)], [.. chunk.Select(q => q.Question)]));
        }

        return PopeScore.Compute(replies, [.. questions.Select(q => q.Present)]);
    }

    // A labelled dataset seen as one question per image: its class question.
    private sealed class ClassQuestionView(IImageDataset source) : IImageDataset, IQuestionSource
    {
        public string Name => $"{source.Name}[class questions]";

        public int Count => source.Count;

        public int Height => source.Height;

        public int Width => source.Width;

        public int Channels => source.Channels;

        public IReadOnlyList<string> ClassNames => source.ClassNames;

        public long LabelAt(int index) => source.LabelAt(index);

        public IReadOnlyList<QuestionAnswer> QuestionsAt(int index) =>
            [new QuestionAnswer(QuestionKind.Open, Tasks.TaskPrompts.WhatIsThis, source.ClassNames[(int)source.LabelAt(index)].ToLowerInvariant())];

        public ImageExample Get(int index) => source.Get(index) with { QuestionAnswers = QuestionsAt(index) };
    }
}
