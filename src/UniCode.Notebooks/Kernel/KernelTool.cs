namespace UniCode.Notebooks.Kernel;

/// <summary>
/// Finds the .NET Interactive kernel that VS Code's Polyglot Notebooks extension starts: the
/// <c>Microsoft.dotnet-interactive</c> tool, pinned in the project's <c>.config/dotnet-tools.json</c> and
/// installed by <c>dotnet tool restore</c> into the NuGet packages folder.
/// </summary>
internal static class KernelTool
{
    /// <summary>The tool's package id.</summary>
    public const string PackageId = "Microsoft.dotnet-interactive";

    /// <summary>The tool version the kit runs (the one pinned in <c>.config/dotnet-tools.json</c>).</summary>
    public const string Version = "1.0.712001";

    /// <summary>Names the kernel's entry assembly explicitly (e.g. another tool version).</summary>
    public const string EnvironmentVariable = "UNICODE_DOTNET_INTERACTIVE";

    /// <summary>The command that installs the pinned tool, run in the project folder.</summary>
    public const string InstallCommand = "dotnet tool restore";

    private const string EntryAssembly = "Microsoft.DotNet.Interactive.App.dll";

    /// <summary>The kernel's entry assembly (run with <c>dotnet</c>).</summary>
    /// <exception cref="FileNotFoundException">It is not installed; the message says where it looked and how to install it.</exception>
    public static string Locate() =>
        Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), PackagesFolder());

    /// <summary>The search, with its inputs explicit (tests simulate a machine without the tool).</summary>
    internal static string Locate(string? explicitPath, string packagesFolder)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            var named = Path.GetFullPath(explicitPath);
            return File.Exists(named)
                ? named
                : throw new FileNotFoundException($"{EnvironmentVariable} names '{named}', which is not a file; point it at {EntryAssembly} or unset it.", named);
        }

        var tools = Path.Combine(packagesFolder, PackageId.ToLowerInvariant(), Version, "tools");
        var found = Directory.Exists(tools)
            ? Directory.EnumerateFiles(tools, EntryAssembly, SearchOption.AllDirectories).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        return found ?? throw new FileNotFoundException(
            $"the .NET Interactive kernel ({PackageId} {Version}) is not installed (looked in {tools}); run `{InstallCommand}` in the project folder",
            tools);
    }

    private static string PackagesFolder()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return !string.IsNullOrWhiteSpace(configured)
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }
}
