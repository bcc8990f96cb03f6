using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using UniCode.Cli.Bench;
using UniCode.Torch;

namespace UniCode.Cli.Commands;

/// <summary><c>unicode bench ...</c>: speed measurements.</summary>
internal static class BenchCommand
{
    private static readonly JsonSerializerOptions JsonLines = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create()
    {
        var bench = new Command("bench", "Measure speed and memory: the bridge's overhead against native libtorch, thread splits, unscoped memory.");
        bench.Subcommands.Add(Ops());
        bench.Subcommands.Add(Threads());
        bench.Subcommands.Add(Memory());
        bench.Subcommands.Add(VqVae());
        return bench;
    }

    private static Command Ops()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object per case instead of a table." };
        var repeats = RepeatsOption();
        var perRepeat = PerRepeatOption();
        var cases = new Option<string[]>("--case")
        {
            Description = $"Run only these cases (repeatable): {string.Join(", ", OpsBenchmark.CaseNames)}.",
            AllowMultipleArgumentsPerToken = true,
        };
        cases.Validators.Add(r =>
        {
            foreach (var name in r.GetValueOrDefault<string[]>() ?? [])
            {
                if (!OpsBenchmark.CaseNames.Contains(name))
                {
                    r.AddError($"--case: unknown case '{name}'; known: {string.Join(", ", OpsBenchmark.CaseNames)}");
                }
            }
        });
        var command = new Command("ops", "Time elementwise, matmul and conv2d loops from C# and the same loops inside C++.")
        {
            json, repeats, perRepeat, cases,
        };
        command.SetAction(parse =>
        {
            var selected = parse.GetValue(cases) is { Length: > 0 } chosen ? chosen : [.. OpsBenchmark.CaseNames];
            var results = OpsBenchmark.Run(selected, parse.GetValue(repeats), TimeSpan.FromMilliseconds(parse.GetValue(perRepeat)));
            return Report(results, parse.GetValue(json), ["case", "C# median µs", "C++ median µs", "overhead µs", "speed vs C++", "iterations"],
                r => [r.Name, $"{r.MedianUs:F3}", $"{r.NativeMedianUs:F3}", $"{r.OverheadUs:F3}", $"{r.Ratio:F3}x", $"{r.Iterations}"]);
        });
        return command;
    }

    private static Command Threads()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object per measurement instead of a table." };
        var repeats = RepeatsOption();
        var perRepeat = PerRepeatOption();
        var command = new Command("threads", "Compare splits of the cores between libtorch's and OpenBLAS's thread pools.")
        {
            json, repeats, perRepeat,
        };
        command.SetAction(parse =>
        {
            var results = ThreadsBenchmark.Run(parse.GetValue(repeats), TimeSpan.FromMilliseconds(parse.GetValue(perRepeat)));
            return Report(results, parse.GetValue(json), ["workload", "libtorch threads", "OpenBLAS threads", "median µs", "min µs", "max µs"],
                r => [r.Workload, $"{r.TorchThreads}", $"{r.BlasThreads}", $"{r.MedianUs:F1}", $"{r.MinUs:F1}", $"{r.MaxUs:F1}"]);
        });
        return command;
    }

    private static Command Memory()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object per loop instead of a table." };
        var steps = new Option<int>("--steps") { Description = "Training steps per loop.", DefaultValueFactory = _ => 400 };
        steps.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--steps must be at least 1");
            }
        });
        var command = new Command("memory", "Peak memory of a 512-wide MLP training loop with a DisposeScope per step and without one (GC only).")
        {
            json, steps,
        };
        command.SetAction(parse =>
        {
            var results = new List<MemoryResult>();
            var code = Report(Collect(MemoryBenchmark.Run(parse.GetValue(steps)), results), parse.GetValue(json),
                ["loop", "steps", "start RSS MiB", "peak RSS MiB", "peak native MiB", "peak live tensors", "GCs (gen2)", "seconds"],
                r => [r.Mode, $"{r.Steps}", $"{r.StartRssMiB:F1}", $"{r.PeakRssMiB:F1}", $"{r.PeakNativeMiB:F1}", $"{r.PeakLiveTensors}",
                    $"{r.Gen0Collections} ({r.Gen2Collections})", $"{r.Seconds:F1}"]);
            if (!parse.GetValue(json) && results is [var scoped, var unscoped])
            {
                Console.WriteLine($"unscoped peak RSS / scoped peak RSS = {unscoped.PeakRssMiB / scoped.PeakRssMiB:F2} (goal: at most 2)");
            }

            return code;
        });
        return command;
    }

    private static Command VqVae()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON line instead of a table." };
        var compare = new Option<string?>("--compare") { Description = "Also time the same model in another framework, interleaved: pytorch." };
        compare.AcceptOnlyFromAmong("pytorch");
        var steps = new Option<int>("--steps") { Description = "Timed steps per side (at least 20).", DefaultValueFactory = _ => 24 };
        steps.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 20)
            {
                r.AddError("--steps must be at least 20");
            }
        });
        var command = new Command("vqvae", "Time one training step of a VQ-VAE (batch 64 of 32x32x3, EMA codebook K=1024, Adam).")
        {
            json, compare, steps,
        };
        command.SetAction(parse =>
        {
            const int rounds = 4;
            var perRound = (parse.GetValue(steps) + rounds - 1) / rounds;
            var result = Bench.VqVae.VqVaeBenchmark.Run(rounds, perRound, warmup: 3, parse.GetValue(compare) == "pytorch", Console.Error);
            return Report([result], parse.GetValue(json), ["bench", "steps", "kit median ms", "PyTorch median ms", "ratio (PyTorch / kit)", "threads kit / PyTorch"],
                r => [r.Bench, $"{r.Steps}", $"{r.MedianMs:F1}", r.PytorchMedianMs is { } p ? $"{p:F1}" : "-", r.Ratio is { } x ? $"{x:F3}" : "-",
                    $"{r.TorchThreads}+{r.BlasThreads} blas / {(r.PytorchThreads is { } t ? t.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}"]);
        });
        return command;
    }

    private static IEnumerable<T> Collect<T>(IEnumerable<T> results, List<T> into)
    {
        foreach (var result in results)
        {
            into.Add(result);
            yield return result;
        }
    }

    // Prints each result as it is measured: a JSON line, or a row of a table that is redrawn live on a terminal
    // and printed once, complete, when the output goes to a file or a pipe (no cursor-movement codes in logs).
    private static int Report<T>(IEnumerable<T> results, bool json, string[] columns, Func<T, string[]> row)
    {
        if (json)
        {
            foreach (var result in results)
            {
                Console.WriteLine(JsonSerializer.Serialize(result, JsonLines));
            }

            return 0;
        }

        var console = OutputConsole();
        PrintHeader(console);
        var table = new Table().AddColumns(columns);
        if (!console.Profile.Capabilities.Interactive)
        {
            foreach (var result in results)
            {
                table.AddRow([.. row(result).Select(Markup.Escape)]);
            }

            console.Write(table);
            return 0;
        }

        console.Live(table).Start(context =>
        {
            foreach (var result in results)
            {
                table.AddRow([.. row(result).Select(Markup.Escape)]);
                context.Refresh();
            }
        });
        return 0;
    }

    // A console over the current Console.Out (which tests replace), interactive and coloured only on a terminal.
    private static IAnsiConsole OutputConsole()
    {
        var terminal = !Console.IsOutputRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }

    private static Option<int> RepeatsOption()
    {
        var option = new Option<int>("--repeats") { Description = "Timed repeats per case (the median is reported).", DefaultValueFactory = _ => 11 };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--repeats must be at least 1");
            }
        });
        return option;
    }

    private static Option<int> PerRepeatOption()
    {
        var option = new Option<int>("--ms-per-repeat") { Description = "Target duration of one repeat in milliseconds.", DefaultValueFactory = _ => 200 };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--ms-per-repeat must be at least 1");
            }
        });
        return option;
    }

    private static void PrintHeader(IAnsiConsole console) =>
        console.MarkupLine($"[grey]libtorch {Markup.Escape(LibTorch.Version)}, {LibTorch.NumThreads} intra-op threads, OpenBLAS threads {LibTorch.BlasThreads}, {Environment.ProcessorCount} cores[/]");
}
