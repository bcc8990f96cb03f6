using UniCode.Kit.Configuration;
using UniCode.Kit.Experiments.Figures;
using UniCode.Kit.Reporting.Images;
using UniCode.Kit.Training;

namespace UniCode.Kit.Experiments;

/// <summary>What an experiment runs with: the profile, the artifact cache its tables share, and where it reports.</summary>
/// <param name="Profile">Smoke, Quick or Paper.</param>
/// <param name="Cache">The artifact cache (the pre-trained LM, the tokenizers, the Stage I models are shared through it).</param>
/// <param name="Progress">Receives training progress, or null.</param>
/// <param name="Log">Says what is reused and what is trained.</param>
/// <param name="CancellationToken">Stops training between steps (checkpoints are kept for a resume).</param>
public sealed class ExperimentContext(Profile Profile, ArtifactCache Cache, IProgress<TrainingProgress>? Progress, TextWriter Log, CancellationToken CancellationToken = default)
{
    private readonly List<ArtifactUse> uses = [];
    private readonly List<ExperimentFigure> figures = [];

    /// <summary>The profile.</summary>
    public Profile Profile { get; } = Profile ?? throw new ArgumentNullException(nameof(Profile));

    /// <summary>The artifact cache.</summary>
    public ArtifactCache Cache { get; } = Cache ?? throw new ArgumentNullException(nameof(Cache));

    /// <summary>Receives training progress.</summary>
    public IProgress<TrainingProgress>? Progress { get; } = Progress;

    /// <summary>Says what is reused and what is trained.</summary>
    public TextWriter Log { get; } = Log ?? throw new ArgumentNullException(nameof(Log));

    /// <summary>Stops training between steps.</summary>
    public CancellationToken CancellationToken { get; } = CancellationToken;

    /// <summary>Every artifact the experiment used so far, in order, and whether it came from the cache.</summary>
    public IReadOnlyList<ArtifactUse> Uses => uses;

    /// <summary>Records an artifact the experiment used.</summary>
    /// <param name="what">What it is.</param>
    /// <param name="reused">Whether it came from the cache.</param>
    public void Used(string what, bool reused) => uses.Add(new ArtifactUse(what, reused));

    /// <summary>Every figure the experiment made so far, in order.</summary>
    public IReadOnlyList<ExperimentFigure> Figures => figures;

    /// <summary>Keeps a picture of what was measured (answers beside their scenes, drawn images under their prompts).</summary>
    /// <param name="name">What it shows, unique within the experiment (it names the file).</param>
    /// <param name="caption">What it shows, in a line (the title of its link in the results README).</param>
    /// <param name="grid">The picture.</param>
    /// <exception cref="ArgumentException">Another figure of this experiment has the same file name.</exception>
    public void Show(string name, string caption, ImageGrid grid)
    {
        var figure = new ExperimentFigure(name, caption, grid);
        if (figures.Any(f => ResultFileNames.Slug(f.Name) == ResultFileNames.Slug(name)))
        {
            throw new ArgumentException($"the experiment already has a figure named like '{name}'", nameof(name));
        }

        figures.Add(figure);
    }
}

/// <summary>An artifact an experiment used.</summary>
/// <param name="What">What it is.</param>
/// <param name="Reused">Whether it came from the cache (else it was trained by this run).</param>
public sealed record ArtifactUse(string What, bool Reused);
