using UniCode.Kit.Reporting.Images;

namespace UniCode.Kit.Experiments.Figures;

/// <summary>A picture an experiment made while it measured: the held-out scenes it asked about with the answers, the
/// images it drew for the FID with their prompts, the reconstructions it scored. <c>unicode reproduce</c> writes each
/// as <c>&lt;table&gt;_&lt;name&gt;.png</c>.</summary>
/// <param name="Name">What it shows, unique within the table (e.g. "Unified answers").</param>
/// <param name="Caption">What it shows, in a line (the title of its link in the results README).</param>
/// <param name="Grid">The picture.</param>
public sealed record ExperimentFigure(string Name, string Caption, ImageGrid Grid)
{
    /// <summary>Its file name in a results folder.</summary>
    /// <param name="table">The experiment's short name.</param>
    public string FileName(string table) => ResultFileNames.Figure(table, Name);
}
