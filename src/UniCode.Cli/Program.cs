using System.CommandLine;
using UniCode.Cli.Commands;

namespace UniCode.Cli;

/// <summary>The `unicode` command.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the verb.</summary>
    /// <param name="args">The arguments.</param>
    public static int Main(string[] args)
    {
        var root = new RootCommand("UniCode.Kit: reproduce 'UniCode: Learning a Unified Codebook for Multimodal LLMs' in C#.")
        {
            InfoCommand.Create(),
            BenchCommand.Create(),
            DataCommand.Create(),
            NotebooksCommand.Create(),
            TrainCommand.Create(),
            EvalCommand.Create(),
            MllmCommands.Ask(),
            MllmCommands.Generate(),
            ReproduceCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
