using UniCode.Kit.Data;
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
}
