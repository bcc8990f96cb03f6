namespace UniCode.Kit.Reporting.Tables;

/// <summary>How this kit orders a pair of rows that the paper orders.</summary>
public enum PairOutcome
{
    /// <summary>Same winner as in the paper.</summary>
    Agree,

    /// <summary>The other row wins: the direction is reversed.</summary>
    Flip,

    /// <summary>This kit's values are equal, so it does not reproduce the paper's winner.</summary>
    Tie,
}
