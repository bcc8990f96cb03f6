using UniCode.Kit.Data.Shapes;

namespace UniCode.Kit.Evaluation.Understanding;

/// <summary>One probe of a POPE set: which scene it asks about, and the probe itself.</summary>
/// <param name="Scene">The scene's position in the list the set was built from (so replies line up with images).</param>
/// <param name="Probe">The category asked about, whether it is present, and the question with its yes/no answer.</param>
public sealed record PopeQuestion(int Scene, PopeProbe Probe)
{
    /// <summary>"Is there a red circle in the image?".</summary>
    public string Question => Probe.QuestionAnswer.Question;

    /// <summary>Whether the right answer is yes.</summary>
    public bool Present => Probe.Present;
}
