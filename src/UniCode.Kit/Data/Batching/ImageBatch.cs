using UniCode.Torch;

namespace UniCode.Kit.Data.Batching;

/// <summary>
/// A batch of examples as tensors and strings. The batch owns its two tensors: dispose it when done (or
/// create it inside a <see cref="DisposeScope"/>, which frees them with the scope). To keep a tensor beyond
/// the batch, clone it (<c>batch.Images.Clone()</c>) or take it with <see cref="TakeImages"/>/<see cref="TakeLabels"/>;
/// a scope that was open when the batch was made still frees a taken tensor unless it is moved out
/// (<see cref="Tensor.MoveToOuterScope"/>).
/// </summary>
public sealed class ImageBatch : IDisposable
{
    private Tensor? images;
    private Tensor? labels;

    /// <summary>Creates a batch; it takes ownership of the tensors.</summary>
    /// <param name="images">float32 [N, C, H, W] in [0, 1].</param>
    /// <param name="labels">int64 [N] (-1 where the dataset has no classes).</param>
    /// <param name="examples">The examples the tensors were made from, in batch order.</param>
    /// <param name="indices">The dataset indices of the examples.</param>
    public ImageBatch(Tensor images, Tensor labels, IReadOnlyList<ImageExample> examples, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(indices);
        this.images = images;
        this.labels = labels;
        Indices = indices;
        Captions = [.. examples.Select(e => e.Caption)];
        QuestionAnswers = [.. examples.Select(e => e.QuestionAnswers)];
        Questions = [.. examples.Select(e => e.QuestionAnswers.Count > 0 ? e.QuestionAnswers[0].Question : string.Empty)];
        Answers = [.. examples.Select(e => e.QuestionAnswers.Count > 0 ? e.QuestionAnswers[0].Answer : string.Empty)];
    }

    /// <summary>The images: float32 [N, C, H, W], values in [0, 1].</summary>
    public Tensor Images => images ?? throw new ObjectDisposedException(nameof(ImageBatch), "the batch's images were disposed or taken");

    /// <summary>The labels: int64 [N], -1 where the dataset has no classes.</summary>
    public Tensor Labels => labels ?? throw new ObjectDisposedException(nameof(ImageBatch), "the batch's labels were disposed or taken");

    /// <summary>The number of examples.</summary>
    public int Count => Indices.Count;

    /// <summary>The dataset indices of the examples, in batch order.</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>The captions, in batch order.</summary>
    public IReadOnlyList<string> Captions { get; }

    /// <summary>Each example's first question ("" when it has none): a one-question view (<see cref="VqaView"/>) has exactly one.</summary>
    public IReadOnlyList<string> Questions { get; }

    /// <summary>The answers to <see cref="Questions"/> ("" when there is none).</summary>
    public IReadOnlyList<string> Answers { get; }

    /// <summary>Every question-answer pair of every example.</summary>
    public IReadOnlyList<IReadOnlyList<QuestionAnswer>> QuestionAnswers { get; }

    /// <summary>Hands the images tensor to the caller, who then owns it; the batch no longer disposes it.</summary>
    public Tensor TakeImages()
    {
        var taken = Images;
        images = null;
        return taken;
    }

    /// <summary>Hands the labels tensor to the caller, who then owns it; the batch no longer disposes it.</summary>
    public Tensor TakeLabels()
    {
        var taken = Labels;
        labels = null;
        return taken;
    }

    /// <summary>Frees the tensors still owned by the batch. Safe to call twice.</summary>
    public void Dispose()
    {
        images?.Dispose();
        labels?.Dispose();
        images = null;
        labels = null;
    }
}
