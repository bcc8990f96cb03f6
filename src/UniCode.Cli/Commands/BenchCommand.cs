using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using UniCode.Cli.Bench;
using UniCode.Torch;

namespace UniCode.Cli.Commands;

/// <summary><c>unicode bench ...</c>: speed measurements.</summary>
internal static class BenchCommand
{
    private const string MatrixProductThreads =
        "The kit runs at 1 libtorch thread and OpenBLAS on every core, PyTorch at its own defaults; UNICODE_TORCH_THREADS or UNICODE_TORCH_BLAS_THREADS set the kit's split instead.";

    private static readonly JsonSerializerOptions JsonLines = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create()
    {
        var bench = new Command("bench", "Measure speed and memory: the bridge's overhead against native libtorch, thread splits, unscoped memory, model steps beside PyTorch.");
        bench.Subcommands.Add(Ops());
        bench.Subcommands.Add(Threads());
        bench.Subcommands.Add(Memory());
        bench.Subcommands.Add(VqVae());
        bench.Subcommands.Add(Gpt());
        bench.Subcommands.Add(Generate());
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
        var steps = CountOption("--steps", "Training steps per loop.", 400, 1);
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
        var json = JsonOption();
        var compare = CompareOption();
        var steps = CountOption("--steps", "Timed steps per side (at least 20).", 24, 20);
        var command = new Command("vqvae", "Time one training step of a VQ-VAE (batch 64 of 32x32x3, EMA codebook K=1024, Adam).")
        {
            json, compare, steps,
        };
        command.SetAction(parse =>
        {
            var result = Bench.VqVae.VqVaeBenchmark.Run(parse.GetValue(steps), rounds: 4, warmup: 3, parse.GetValue(compare) == "pytorch", Console.Error);
            return Report([result], parse.GetValue(json), ["bench", "steps", "kit median ms", "PyTorch median ms", "ratio (PyTorch / kit)", "threads kit / PyTorch"],
                r => [r.Bench, $"{r.Steps}", $"{r.MedianMs:F1}", r.PytorchMedianMs is { } p ? $"{p:F1}" : "-", r.Ratio is { } x ? $"{x:F3}" : "-",
                    ThreadCounts(r.TorchThreads, r.BlasThreads, r.PytorchThreads, null)]);
        });
        return command;
    }

    private static Command Gpt()
    {
        var json = JsonOption();
        var compare = CompareOption();
        var steps = CountOption("--steps", "Timed steps per side.", 20, 1);
        var warmup = CountOption("--warmup", "Untimed steps per side first.", 3, 0);
        var command = new Command("gpt", "Time one training step of a GPT-2 style language model (V=1024, d=256, 6 layers, 8 heads, " +
            $"batch {Bench.Gpt.GptBenchmark.Batch} x 320 tokens, cross-entropy, AdamW 3e-4). " + MatrixProductThreads)
        {
            json, compare, steps, warmup,
        };
        command.SetAction(parse =>
        {
            using var split = ThreadSplit.ForMatrixProducts(); // for the header too, which prints the kit's threads
            var result = Bench.Gpt.GptBenchmark.Run(parse.GetValue(steps), parse.GetValue(warmup), parse.GetValue(compare) == "pytorch", Console.Error);
            return Report([result], parse.GetValue(json), ["bench", "steps", "kit median ms", "PyTorch median ms", "ratio (PyTorch / kit)", "threads kit / PyTorch"],
                r => [r.Bench, $"{r.Steps}", $"{r.MedianMs:F1}", r.PytorchMedianMs is { } p ? $"{p:F1}" : "-", r.Ratio is { } x ? $"{x:F3}" : "-",
                    ThreadCounts(r.TorchThreads, r.BlasThreads, r.PytorchThreads, r.PytorchBlasThreads)]);
        });
        return command;
    }

    private static Command Generate()
    {
        var json = JsonOption();
        var compare = CompareOption();
        var most = Bench.Gpt.GenerateBenchmark.MaxNewTokens;
        var newTokens = CountOption("--new-tokens", $"Tokens generated after the {Bench.Gpt.GenerateBenchmark.PromptTokens}-token prompt (at most {most}, which fills the context).", most, 1, most);
        var repeats = CountOption("--repeats", "Timed generations per side and batch size.", 5, 1);
        var warmup = CountOption("--warmup", "Untimed generations per side and batch size first.", 1, 0);
        var batches = new Option<int[]>("--batch")
        {
            Description = $"Batch sizes to measure (repeatable; default {string.Join(" and ", Bench.Gpt.GenerateBenchmark.Batches)}).",
            AllowMultipleArgumentsPerToken = true,
        };
        batches.Validators.Add(r =>
        {
            if ((r.GetValueOrDefault<int[]>() ?? []).Any(b => b < 1))
            {
                r.AddError("--batch must be at least 1");
            }
        });
        var command = new Command("generate", "Time greedy decoding with the KV cache of the `bench gpt` model (eval, no gradients) at batch " +
            $"{string.Join(" and ", Bench.Gpt.GenerateBenchmark.Batches)}: new tokens per second. " + MatrixProductThreads)
        {
            json, compare, newTokens, repeats, warmup, batches,
        };
        command.SetAction(parse =>
        {
            var sizes = parse.GetValue(batches) is { Length: > 0 } chosen ? chosen : Bench.Gpt.GenerateBenchmark.Batches;
            using var split = ThreadSplit.ForMatrixProducts(); // for the header too, which prints the kit's threads
            var result = Bench.Gpt.GenerateBenchmark.Run(sizes, parse.GetValue(newTokens), parse.GetValue(repeats), parse.GetValue(warmup), parse.GetValue(compare) == "pytorch", Console.Error);
            if (parse.GetValue(json))
            {
                return Report([result], json: true, [], _ => []);
            }

            var threads = ThreadCounts(result.TorchThreads, result.BlasThreads, result.PytorchThreads, result.PytorchBlasThreads);
            return Report(result.Batches, json: false, ["batch", "new tokens", "kit tokens/s", "PyTorch tokens/s", "ratio (kit / PyTorch)", "threads kit / PyTorch"],
                r => [$"{r.Batch}", $"{result.NewTokens}", $"{r.TokensPerSecond:F0}", r.PytorchTokensPerSecond is { } p ? $"{p:F0}" : "-", r.Ratio is { } x ? $"{x:F3}" : "-", threads]);
        });
        return command;
    }

    private static string ThreadCounts(int torch, int blas, int? pytorch, int? pytorchBlas) =>
        $"{torch}+{blas} blas / " + (pytorch is { } t ? $"{t}" + (pytorchBlas is { } b ? $"+{b} blas" : string.Empty) : "-");

    private static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON line instead of a table." };

    private static Option<string?> CompareOption()
    {
        var compare = new Option<string?>("--compare") { Description = "Also time the same model in another framework, interleaved: pytorch." };
        compare.AcceptOnlyFromAmong("pytorch");
        return compare;
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

    private static Option<int> RepeatsOption() => CountOption("--repeats", "Timed repeats per case (the median is reported).", 11, 1);

    private static Option<int> PerRepeatOption() => CountOption("--ms-per-repeat", "Target duration of one repeat in milliseconds.", 200, 1);

    // An integer option with a default, refused outside [min, max] with a message that names it.
    private static Option<int> CountOption(string name, string description, int defaultValue, int min, int max = int.MaxValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<int>();
            if (value < min)
            {
                r.AddError($"{name} must be at least {min}");
            }
            else if (value > max)
            {
                r.AddError($"{name} must be at most {max}");
            }
        });
        return option;
    }

    private static void PrintHeader(IAnsiConsole console) =>
        console.MarkupLine($"[grey]libtorch {Markup.Escape(LibTorch.Version)}, {LibTorch.NumThreads} intra-op threads, OpenBLAS threads {LibTorch.BlasThreads}, {Environment.ProcessorCount} cores[/]");
}
