namespace UniCode.Kit.Reporting.Plotly;

/// <summary>How an HTML rendering of a <see cref="PlotlyFigure"/> gets plotly.js (never from the network by itself).</summary>
public enum PlotlyJsMode
{
    /// <summary>The whole library is copied into the HTML: a self-contained file that works offline (about 4.8 MB).</summary>
    Inline,

    /// <summary>A <c>&lt;script src&gt;</c> to a path or URL that you give (e.g. a copy next to the HTML file).</summary>
    Reference,

    /// <summary>No script: the page already has plotly.js (a notebook's outputs after the first figure).</summary>
    AssumeLoaded,
}
