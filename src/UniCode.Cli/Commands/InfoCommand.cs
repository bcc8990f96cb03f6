using System.CommandLine;
using Spectre.Console;
using UniCode.Torch;

namespace UniCode.Cli.Commands;

/// <summary><c>unicode info</c>: what the kit runs on.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Show the libtorch build, threads, BLAS and devices the kit runs on.");
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
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
