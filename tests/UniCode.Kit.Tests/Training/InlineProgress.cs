using UniCode.Kit.Training;

namespace UniCode.Kit.Tests.Training;

/// <summary>A progress sink that runs an action on the training thread (Progress&lt;T&gt; would post it elsewhere).</summary>
internal sealed class InlineProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value) => report(value);
}
