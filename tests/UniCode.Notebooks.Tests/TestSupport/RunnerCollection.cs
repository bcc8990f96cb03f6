namespace UniCode.Notebooks.Tests.TestSupport;

/// <summary>
/// Test classes that start kernels share one collection: each kernel takes a core for seconds, and the
/// machine running the tests has few.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RunnerCollection
{
    public const string Name = "notebook runs";
}
