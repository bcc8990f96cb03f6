namespace UniCode.Kit.Reporting.Tables;

/// <summary>Whether this kit's rows are ordered like the paper's on one metric.</summary>
public enum DirectionVerdict
{
    /// <summary>Every pair of rows the paper orders is ordered the same way by this kit.</summary>
    Agree,

    /// <summary>At least one pair the paper orders is reversed (or tied) in this kit's numbers.</summary>
    Disagree,

    /// <summary>Nothing to compare: fewer than two labels have a number on both sides, or the paper ties them all.</summary>
    Inconclusive,
}
