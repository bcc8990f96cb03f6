using System.Diagnostics;
using System.Text;

namespace UniCode.Notebooks.Kernel;

/// <summary>How the kernel process is started: the command VS Code runs, with the protocol on standard input and output.</summary>
internal static class KernelCommandLine
{
    /// <summary>The start info for <c>dotnet ENTRY stdio --default-kernel csharp --working-dir DIR</c>.</summary>
    /// <param name="entryAssembly">The kernel tool's entry assembly (<see cref="KernelTool.Locate()"/>).</param>
    /// <param name="workingDirectory">The cells' current directory.</param>
    /// <param name="environment">Variables to set (a null value removes the variable).</param>
    public static ProcessStartInfo Create(string entryAssembly, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { entryAssembly, "stdio", "--default-kernel", "csharp", "--working-dir", workingDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        // No banner or telemetry on the protocol stream; the rest as the caller's environment.
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_INTERACTIVE_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }

    // The same dotnet that runs the caller (the CLI under `dotnet`), else the SDK's, else the one on PATH.
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        var sdkHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrWhiteSpace(sdkHost) && File.Exists(sdkHost) ? sdkHost : "dotnet";
    }
}
