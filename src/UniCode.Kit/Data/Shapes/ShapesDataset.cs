namespace UniCode.Kit.Data.Shapes;

/// <summary>
/// The Shapes dataset: scenes 0 .. Count-1 of a <see cref="ShapesGenerator"/>, rendered on demand. Each
/// example carries the scene's caption and its questions (<see cref="ShapesQuestions"/>) followed by its POPE
/// existence probes (when <see cref="ShapesOptions.ExistenceSampling"/> is set). There are no classes (labels
/// are -1). Wrap it in a <see cref="VqaView"/> for one question per example.
/// </summary>
public sealed class ShapesDataset : IImageDataset, IQuestionSource
{
    /// <summary>The catalog name.</summary>
    public const string CatalogName = "shapes";

    /// <summary>Creates the dataset.</summary>
    /// <param name="options">Seed, count, size and the rest; null for the defaults.</param>
    public ShapesDataset(ShapesOptions? options = null)
    {
        Generator = new ShapesGenerator(options);
    }

    /// <summary>The generator (scene graphs, rendering, questions, POPE statistics).</summary>
    public ShapesGenerator Generator { get; }

    /// <summary>The options.</summary>
    public ShapesOptions Options => Generator.Options;

    /// <inheritdoc/>
    public string Name => $"{CatalogName}/seed-{Options.Seed}";

    /// <inheritdoc/>
    public int Count => Options.Count;

    /// <inheritdoc/>
    public int Height => Options.Size;

    /// <inheritdoc/>
    public int Width => Options.Size;

    /// <inheritdoc/>
    public int Channels => 3;

    /// <inheritdoc/>
    public IReadOnlyList<string> ClassNames => [];

    /// <summary>The scene graph of example <paramref name="index"/>.</summary>
    /// <param name="index">The index.</param>
    public ShapeScene Scene(int index)
    {
        CheckIndex(index);
        return Generator.Scene(index);
    }

    /// <inheritdoc/>
    public long LabelAt(int index)
    {
        CheckIndex(index);
        return -1;
    }

    /// <inheritdoc/>
    public IReadOnlyList<QuestionAnswer> QuestionsAt(int index) => QuestionsOf(Scene(index));

    /// <inheritdoc/>
    public ImageExample Get(int index)
    {
        var scene = Scene(index);
        return new ImageExample(Generator.Render(scene), -1, scene.Caption, QuestionsOf(scene));
    }

    private IReadOnlyList<QuestionAnswer> QuestionsOf(ShapeScene scene)
    {
        var questions = Generator.Questions(scene);
        if (Options.ExistenceSampling is not { } sampling)
        {
            return questions;
        }

        return [.. questions, .. Generator.Pope(scene, sampling).Select(p => p.QuestionAnswer)];
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has {Count} scenes");
        }
    }
}
