namespace UniCode.Notebooks.Tests.TestSupport;

/// <summary>
/// Test classes that run notebooks share one collection: runs change process-wide state
/// (console, UNICODE_PROFILE) that the tests observe.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RunnerCollection
{
    public const string Name = "notebook runs";
}
