using UniCode.Torch.Tests.Interop;

namespace UniCode.Torch.Tests;

/// <summary>
/// The test assembly's entry point (the test SDK's generated one is turned off): `dotnet UniCode.Torch.Tests.dll
/// scenario` runs a scenario that could crash the process (a native call racing the GC or a dispose) in a child
/// process of the test, so that a regression fails that test instead of killing the test host.
/// </summary>
public static class Program
{
    public static int Main(string[] args) =>
        args is [var name, ..] ? ChildScenarios.Run(name) : 0;
}
