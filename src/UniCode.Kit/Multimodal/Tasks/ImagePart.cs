namespace UniCode.Kit.Multimodal.Tasks;

/// <summary>
/// What one &lt;image&gt; marker of a task's dialogue stands for: a segment of the example's image, in a form.
/// Segments split the coarse grid's cells in raster order into equal runs; a whole image is segment 0 of 1.
/// </summary>
/// <param name="Form">Codes or soft embeddings.</param>
/// <param name="InAnswer">Whether the model writes it (its marker is in an assistant turn) or reads it.</param>
/// <param name="Segment">Which segment, 0-based.</param>
/// <param name="Segments">How many segments the image is cut into (T of Eq. 5).</param>
public sealed record ImagePart(ImageForm Form, bool InAnswer, int Segment = 0, int Segments = 1)
{
    /// <summary>A whole input image as codes.</summary>
    public static ImagePart InputCodes { get; } = new(ImageForm.Codes, InAnswer: false);

    /// <summary>A whole input image as soft embeddings.</summary>
    public static ImagePart InputEmbeddings { get; } = new(ImageForm.Embeddings, InAnswer: false);

    /// <summary>A whole image the model writes, as codes.</summary>
    public static ImagePart AnswerCodes { get; } = new(ImageForm.Codes, InAnswer: true);

    /// <summary>The number of slots of this part for an image of <paramref name="cells"/> coarse cells.</summary>
    /// <param name="cells">ĥŵ.</param>
    /// <param name="codesPerCell">Codes per cell.</param>
    /// <param name="form">The form it takes (the paradigm may turn input codes into embeddings).</param>
    public int Slots(int cells, int codesPerCell, ImageForm form) =>
        form == ImageForm.Codes ? CellRange(cells).Count * codesPerCell : CellRange(cells).Count;

    /// <summary>The cells [start, start + count) of a coarse grid of <paramref name="cells"/> cells this part covers.</summary>
    /// <param name="cells">ĥŵ.</param>
    public (int Start, int Count) CellRange(int cells)
    {
        if (Segments < 1 || Segment < 0 || Segment >= Segments)
        {
            throw new InvalidOperationException($"segment {Segment} of {Segments} does not exist");
        }

        if (cells % Segments != 0)
        {
            throw new ArgumentException($"{cells} cells cannot be cut into {Segments} equal segments", nameof(cells));
        }

        var count = cells / Segments;
        return (Segment * count, count);
    }
}
