using System.CommandLine;
using Spectre.Console;
using UniCode.Kit.Configuration;
using UniCode.Torch;
using KitProfile = UniCode.Kit.Configuration.Profile;

namespace UniCode.Cli.Commands;

/// <summary><c>unicode info</c>: what the kit runs on.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Show the libtorch build, threads, BLAS and devices the kit runs on, the profile and the artifact cache.");
        command.SetAction(_ =>
        {
            var table = new Table().AddColumns("setting", "value");
            table.AddRow("libtorch", Markup.Escape(LibTorch.Version));
            table.AddRow(".NET", Markup.Escape(Environment.Version.ToString()));
            table.AddRow("cores", $"{Environment.ProcessorCount}");
            table.AddRow("libtorch intra-op threads", $"{LibTorch.NumThreads}");
            table.AddRow("libtorch inter-op threads", $"{LibTorch.NumInteropThreads}");
            table.AddRow("OpenBLAS threads", LibTorch.BlasThreads < 0 ? "not OpenBLAS" : $"{LibTorch.BlasThreads}");
            table.AddRow("OpenBLAS build", Markup.Escape(LibTorch.BlasConfig.Length == 0 ? "-" : LibTorch.BlasConfig));
            table.AddRow("CUDA", LibTorch.CudaIsAvailable ? $"{LibTorch.CudaDeviceCount} device(s)" : "not available");
            table.AddRow("default device", LibTorch.DefaultDevice.ToString());
            table.AddRow($"profile ({KitProfile.EnvironmentVariable})", Markup.Escape(Describe(() => KitProfile.Current.Name)));
            table.AddRow("artifact cache", Markup.Escape(Describe(ArtifactCache.DefaultRoot)));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    // info reports a bad setting rather than failing on it: it is the verb people run to find such settings.
    private static string Describe(Func<string> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException e)
        {
            return "invalid: " + e.Message;
        }
    }
}
