namespace UniCode.Kit.Reporting.Plotly;

/// <summary>How a <see cref="ScatterTrace"/> draws its points.</summary>
public enum ScatterMode
{
    /// <summary>Points joined by lines (a line chart).</summary>
    Lines,

    /// <summary>Points only (a scatter plot).</summary>
    Markers,

    /// <summary>Points and the lines joining them.</summary>
    LinesAndMarkers,
}
