namespace UniCode.Kit.Multimodal.Sequences;

/// <summary>A position whose input is a soft embedding instead of a token's: row <paramref name="Cell"/> of the
/// example's Ẑ (or of its projected encoder features, under the Projector paradigm).</summary>
/// <param name="Position">The index in the sequence.</param>
/// <param name="Cell">The coarse cell, 0 ≤ Cell &lt; ĥŵ, raster order.</param>
public readonly record struct SoftSlot(int Position, int Cell);
