namespace UniCode.Kit.Experiments.Claims;

/// <summary>
/// One comparison a claim rests on: row <see cref="Better"/> beats row <see cref="Worse"/> on <see cref="Column"/>
/// (higher or lower is better as the column says). With a <see cref="Tolerance"/>, it holds while Better is worse by
/// at most that fraction of Worse's value ("costs little").
/// </summary>
/// <param name="Column">A metric column of the table.</param>
/// <param name="Better">The row the paper finds better (or no worse).</param>
/// <param name="Worse">The row it is compared with.</param>
/// <param name="Tolerance">How much worse, relative to <paramref name="Worse"/>, still holds (0: strictly better).</param>
public sealed record ClaimComparison(string Column, string Better, string Worse, double Tolerance = 0)
{
    /// <summary>E.g. <c>Unified &gt; SeparateVocab on VQA %</c>.</summary>
    public override string ToString() => Tolerance > 0
        ? $"{Better} within {Tolerance:P0} of {Worse} on {Column}"
        : $"{Better} > {Worse} on {Column}";
}
