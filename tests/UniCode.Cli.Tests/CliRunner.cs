using Spectre.Console;

namespace UniCode.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal static class CliRunner
{
    private static readonly Lock ConsoleLock = new();

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        lock (ConsoleLock)
        {
            var (previousOut, previousError, previousAnsi) = (Console.Out, Console.Error, AnsiConsole.Console);
            using var output = new StringWriter();
            using var error = new StringWriter();
            Console.SetOut(output);
            Console.SetError(error);
            // Spectre's console binds to Console.Out when first used: give each run one bound to this run's writer.
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            try
            {
                var code = Program.Main(args);
                return (code, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(previousOut);
                Console.SetError(previousError);
                AnsiConsole.Console = previousAnsi;
            }
        }
    }
}
