namespace UniCode.Torch.Tests;

/// <summary>
/// Tests that read or reset process-wide state: the live-tensor counter and the global generator.
/// xunit runs the other test classes in parallel, and their tensors and random draws would disturb these;
/// a collection with parallelization disabled runs alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideState
{
    public const string Name = "Process-wide state (live-tensor counter, global generator)";

    /// <summary>The live-tensor count once unreachable tensors from earlier tests have been finalised.</summary>
    public static long SettledLiveTensors()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return LibTorch.LiveTensors;
    }
}
