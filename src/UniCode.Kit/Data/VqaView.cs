using UniCode.Kit.Data.Batching;

namespace UniCode.Kit.Data;

/// <summary>
/// A dataset whose examples can list their question-answer pairs without producing their images, so that
/// views over the questions (<see cref="VqaView"/>) are cheap to build.
/// </summary>
public interface IQuestionSource
{
    /// <summary>The question-answer pairs of example <paramref name="index"/>, as <see cref="IImageDataset.Get"/> would give them.</summary>
    /// <param name="index">The index.</param>
    IReadOnlyList<QuestionAnswer> QuestionsAt(int index);
}

/// <summary>
/// One example per (image, question) pair of another dataset: example k is the image of the pair's source
/// example with exactly one question-answer pair, so an <see cref="ImageBatch"/>'s Questions and Answers line
/// up with its images. Pairs are ordered by source example, then by question order.
/// </summary>
public sealed class VqaView : IImageDataset
{
    private readonly (int Example, int Question)[] pairs;

    /// <summary>Creates the view.</summary>
    /// <param name="source">The dataset with questions.</param>
    /// <param name="kinds">Keep only these kinds of question (null keeps all).</param>
    public VqaView(IImageDataset source, IReadOnlyCollection<QuestionKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
        Kinds = kinds;
        var list = new List<(int, int)>();
        var questionSource = source as IQuestionSource;
        for (var i = 0; i < source.Count; i++)
        {
            var questions = questionSource?.QuestionsAt(i) ?? source.Get(i).QuestionAnswers;
            for (var q = 0; q < questions.Count; q++)
            {
                if (kinds is null || kinds.Contains(questions[q].Kind))
                {
                    list.Add((i, q));
                }
            }
        }

        pairs = [.. list];
    }

    /// <summary>The dataset viewed.</summary>
    public IImageDataset Source { get; }

    /// <summary>The kinds kept, or null for all.</summary>
    public IReadOnlyCollection<QuestionKind>? Kinds { get; }

    /// <inheritdoc/>
    public string Name => $"{Source.Name}[vqa]";

    /// <inheritdoc/>
    public int Count => pairs.Length;

    /// <inheritdoc/>
    public int Height => Source.Height;

    /// <inheritdoc/>
    public int Width => Source.Width;

    /// <inheritdoc/>
    public int Channels => Source.Channels;

    /// <inheritdoc/>
    public IReadOnlyList<string> ClassNames => Source.ClassNames;

    /// <summary>The source example of pair <paramref name="index"/>.</summary>
    /// <param name="index">The index in the view.</param>
    public int SourceIndexOf(int index) => Pair(index).Example;

    /// <summary>Which of its source example's questions pair <paramref name="index"/> is.</summary>
    /// <param name="index">The index in the view.</param>
    public int QuestionIndexOf(int index) => Pair(index).Question;

    /// <inheritdoc/>
    public long LabelAt(int index) => Source.LabelAt(Pair(index).Example);

    /// <inheritdoc/>
    public ImageExample Get(int index)
    {
        var (example, question) = Pair(index);
        var full = Source.Get(example);
        return full with { QuestionAnswers = [full.QuestionAnswers[question]] };
    }

    private (int Example, int Question) Pair(int index)
    {
        if ((uint)index >= (uint)pairs.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has {pairs.Length} examples");
        }

        return pairs[index];
    }
}
