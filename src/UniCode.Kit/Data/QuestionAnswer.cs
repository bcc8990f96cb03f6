namespace UniCode.Kit.Data;

/// <summary>The kinds of question the kit's datasets ask about an image.</summary>
public enum QuestionKind
{
    /// <summary>A question from an external dialogue (e.g. LLaVA data), of no particular kind.</summary>
    Open = 0,

    /// <summary>"What colour is the object in the top left?" -> a colour name.</summary>
    ColourAtPosition = 1,

    /// <summary>"What shape is the red object?" -> a shape name.</summary>
    ShapeOfColour = 2,

    /// <summary>"How many objects are there?" -> a number.</summary>
    CountAll = 3,

    /// <summary>"How many red objects are there?" -> a number (possibly 0).</summary>
    CountOfColour = 4,

    /// <summary>"How many circles are there?" -> a number (possibly 0).</summary>
    CountOfShape = 5,

    /// <summary>"Is the red circle left of the blue square?" -> yes/no.</summary>
    RelativePositionYesNo = 6,

    /// <summary>"Where is the red circle relative to the blue square?" -> left/right/above/below.</summary>
    RelativePositionWhere = 7,

    /// <summary>"Is there a red circle in the image?" -> yes/no (POPE-style existence probe).</summary>
    Existence = 8,
}

/// <summary>One question about an image and its exact answer.</summary>
/// <param name="Kind">What the question asks.</param>
/// <param name="Question">The question text (without any image placeholder).</param>
/// <param name="Answer">The answer: a single word or number for generated data.</param>
public sealed record QuestionAnswer(QuestionKind Kind, string Question, string Answer);
