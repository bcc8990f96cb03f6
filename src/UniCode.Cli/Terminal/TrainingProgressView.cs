using Spectre.Console;
using UniCode.Kit.Training;

namespace UniCode.Cli.Terminal;

/// <summary>
/// Shows training progress: a Spectre progress bar with the last step's figures on a terminal, one plain line per
/// tenth of the run when the output is redirected (so logs hold no cursor movements).
/// </summary>
internal sealed class TrainingProgressView : IProgress<TrainingProgress>
{
    private readonly ProgressContext? context;
    private readonly Dictionary<string, ProgressTask> tasks = [];
    private readonly Dictionary<string, int> printedTenths = [];

    private TrainingProgressView(ProgressContext? context) => this.context = context;

    /// <summary>Runs <paramref name="work"/> with a view that draws its progress.</summary>
    public static T Run<T>(Func<IProgress<TrainingProgress>, T> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return work(new TrainingProgressView(null));
        }

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx => result = work(new TrainingProgressView(ctx)));
        return result;
    }

    /// <inheritdoc/>
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (context is null)
        {
            var tenth = (int)(value.Fraction * 10);
            if (!printedTenths.TryGetValue(value.What, out var last) || tenth > last || value.Step == value.TotalSteps)
            {
                printedTenths[value.What] = tenth;
                Console.WriteLine(value.ToString());
            }

            return;
        }

        if (!tasks.TryGetValue(value.What, out var task))
        {
            task = context.AddTask(Markup.Escape(value.What), maxValue: value.TotalSteps);
            tasks[value.What] = task;
        }

        task.Value = value.Step;
        var figures = string.Concat(value.Details.Select(d => $" {d.Key} {d.Value:G3}"));
        task.Description = Markup.Escape($"{value.What}: loss {value.Loss:G3}{figures}");
    }
}
