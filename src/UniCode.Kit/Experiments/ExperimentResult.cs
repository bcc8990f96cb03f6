using UniCode.Kit.Experiments.Claims;
using UniCode.Kit.Experiments.Figures;
using UniCode.Kit.Reporting.Tables;

namespace UniCode.Kit.Experiments;

/// <summary>One table reproduced: ours beside the paper's, the direction check per metric, the paper's claims checked,
/// the wall time and the artifacts it trained or reused.</summary>
/// <param name="Name">The experiment's short name (e.g. table10).</param>
/// <param name="Table">Our rows and the paper's.</param>
/// <param name="Directions">Whether our ordering matches the paper's, per metric.</param>
/// <param name="Claims">Each claim of the paper the table tests, checked against our rows.</param>
/// <param name="WallSeconds">The wall time of the run.</param>
/// <param name="Artifacts">What it trained or reused.</param>
public sealed record ExperimentResult(
    string Name, ResultTable Table, DirectionReport Directions, IReadOnlyList<ClaimOutcome> Claims, double WallSeconds, IReadOnlyList<ArtifactUse> Artifacts)
{
    /// <summary>The result of a finished run: the table, its direction check, the experiment's claims checked against
    /// it, the time since <paramref name="clock"/> started and the artifacts the context recorded.</summary>
    /// <param name="experiment">The experiment (its name and claims).</param>
    /// <param name="table">Its table, with the paper's rows.</param>
    /// <param name="context">The run's context.</param>
    /// <param name="clock">Started when the run began.</param>
    public static ExperimentResult Of(IExperiment experiment, ResultTable table, ExperimentContext context, System.Diagnostics.Stopwatch clock)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(clock);
        var claims = experiment.Claims(table).Select(c => ClaimOutcome.Check(c, table)).ToList();
        return new(experiment.Name, table, table.CheckDirections(), claims, clock.Elapsed.TotalSeconds, context.Uses) { Figures = [.. context.Figures] };
    }

    /// <summary>The pictures it made while it measured (none unless the experiment shows some).</summary>
    public IReadOnlyList<ExperimentFigure> Figures { get; init; } = [];

    /// <summary>How many artifacts came from the cache.</summary>
    public int ReusedCount => Artifacts.Count(a => a.Reused);
}
