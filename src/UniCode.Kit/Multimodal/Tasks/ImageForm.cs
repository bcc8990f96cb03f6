namespace UniCode.Kit.Multimodal.Tasks;

/// <summary>How an image part enters a sequence.</summary>
public enum ImageForm
{
    /// <summary>Its visual codes, as token ids (one slot per code of the flattened code map).</summary>
    Codes = 0,

    /// <summary>Soft embeddings, one slot per cell of the coarsest grid: Ẑ (decompression), or projected encoder
    /// features (the Projector paradigm).</summary>
    Embeddings = 1,
}
