using UniCode.Kit.Data;
using UniCode.Kit.Multimodal.Tasks;

namespace UniCode.Kit.Training.Multimodal;

/// <summary>Builds the task sets a recipe names over one dataset.</summary>
public static class MllmTaskSets
{
    /// <summary>The task set of <paramref name="task"/> on <paramref name="dataset"/>.</summary>
    /// <param name="task">The task. Vqa takes the dataset's questions (Shapes) or, without them, its class question
    /// (Fashion-MNIST).</param>
    /// <param name="dataset">The images.</param>
    /// <param name="segments">T of segmented decompression.</param>
    /// <param name="unconditionalClass">The one class of unconditional generation.</param>
    /// <param name="questionKinds">Keep only these kinds of the dataset's questions (null: all).</param>
    /// <param name="questionsPerDialogue">The most of a scene's questions one VQA example asks (see <see cref="MllmTasks.Vqa"/>).</param>
    public static TaskSet Of(
        TaskKind task, IImageDataset dataset, int segments = 4, int unconditionalClass = 0, IReadOnlyCollection<QuestionKind>? questionKinds = null, int questionsPerDialogue = 1)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return task switch
        {
            TaskKind.Vqa => dataset.Count > 0 && dataset.Get(0).QuestionAnswers.Count > 0 ? MllmTasks.Vqa(dataset, questionKinds, questionsPerDialogue) : MllmTasks.ClassQuestions(dataset),
            TaskKind.Caption => MllmTasks.Captions(dataset),
            TaskKind.TextToImage => MllmTasks.TextToImage(dataset),
            TaskKind.ClassToImage => MllmTasks.ClassToImage(dataset),
            TaskKind.Unconditional => MllmTasks.Unconditional(dataset, unconditionalClass),
            TaskKind.Decompression => MllmTasks.Decompression(dataset),
            TaskKind.SegmentedDecompression => MllmTasks.SegmentedDecompression(dataset, segments),
            _ => throw new ArgumentOutOfRangeException(nameof(task), task, "unknown task"),
        };
    }

    /// <summary>A recipe's mixture over a dataset.</summary>
    /// <param name="tasks">The weighted tasks.</param>
    /// <param name="dataset">The training images.</param>
    /// <param name="segments">T of segmented decompression.</param>
    /// <param name="unconditionalClass">The class of unconditional generation.</param>
    /// <param name="questionKinds">Keep only these kinds of the dataset's questions (null: all).</param>
    /// <param name="questionsPerDialogue">The most of a scene's questions one VQA example asks.</param>
    public static TaskMixture Mixture(
        IEnumerable<TaskWeight> tasks, IImageDataset dataset, int segments = 4, int unconditionalClass = 0,
        IReadOnlyCollection<QuestionKind>? questionKinds = null, int questionsPerDialogue = 1)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return new TaskMixture(tasks.Select(t => (Of(t.Task, dataset, segments, unconditionalClass, questionKinds, questionsPerDialogue), t.Weight)));
    }
}
