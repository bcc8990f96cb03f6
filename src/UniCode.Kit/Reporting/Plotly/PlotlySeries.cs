namespace UniCode.Kit.Reporting.Plotly;

/// <summary>A named list of values: one bar group member or one line of a chart.</summary>
/// <param name="Name">The legend entry.</param>
/// <param name="Values">One value per category or x (null: missing).</param>
public sealed record PlotlySeries(string Name, IReadOnlyList<double?> Values);
