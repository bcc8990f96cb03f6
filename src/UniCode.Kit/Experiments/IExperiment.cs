using UniCode.Kit.Experiments.Claims;
using UniCode.Kit.Reporting.Tables;

namespace UniCode.Kit.Experiments;

/// <summary>One of the paper's tables, rerun end to end by the kit.</summary>
public interface IExperiment
{
    /// <summary>The short name the CLI takes (e.g. <c>table10</c>).</summary>
    string Name { get; }

    /// <summary>What it compares, in one line.</summary>
    string Title { get; }

    /// <summary>Trains (or reuses) what the table needs and measures it.</summary>
    /// <param name="context">Profile, cache and reporting.</param>
    ExperimentResult Run(ExperimentContext context);

    /// <summary>The paper's claims this table tests, as comparisons between its rows.</summary>
    /// <param name="table">The table <see cref="Run"/> produced (row labels can depend on the profile).</param>
    IReadOnlyList<PaperClaim> Claims(ResultTable table);
}
