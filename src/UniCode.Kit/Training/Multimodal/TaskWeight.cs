using UniCode.Kit.Multimodal.Tasks;

namespace UniCode.Kit.Training.Multimodal;

/// <summary>One entry of a Stage II task mixture: a task and its share of the examples.</summary>
/// <param name="Task">The task (Vqa means the dataset's questions where it has them, else its class question).</param>
/// <param name="Weight">Its relative weight (positive).</param>
public sealed record TaskWeight(TaskKind Task, double Weight);
