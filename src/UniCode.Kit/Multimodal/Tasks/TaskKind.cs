namespace UniCode.Kit.Multimodal.Tasks;

/// <summary>The MLLM's tasks, each a LLaVA-style dialogue with the loss on the answers only (paper §4).</summary>
public enum TaskKind
{
    /// <summary>Visual question answering: an image and a question in, a short answer out.</summary>
    Vqa = 0,

    /// <summary>Captioning: an image in, its caption out.</summary>
    Caption = 1,

    /// <summary>Text to image: a caption in, the image's codes out (the CC3M analogue).</summary>
    TextToImage = 2,

    /// <summary>Class to image: a class name in, the image's codes out (the ImageNet analogue).</summary>
    ClassToImage = 3,

    /// <summary>Unconditional generation of one dataset class: a fixed instruction in, codes out (the LSUN analogue).</summary>
    Unconditional = 4,

    /// <summary>In-context image decompression (paper §3.3, Eq. 4): Ẑ in as soft embeddings, the flattened D-layer
    /// code map out.</summary>
    Decompression = 5,

    /// <summary>The segmented multi-turn form of decompression (Eq. 5): T rounds, each the Ẑ of one segment of the
    /// coarse grid in and that segment's codes out.</summary>
    SegmentedDecompression = 6,
}
