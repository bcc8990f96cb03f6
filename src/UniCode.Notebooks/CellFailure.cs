namespace UniCode.Notebooks;

/// <summary>A code cell that failed.</summary>
/// <param name="CellIndex">Zero-based index of the cell in the notebook's cell list (markdown cells included).</param>
/// <param name="ExceptionType">The exception's full type name, or <c>CompilationError</c> when the cell did not compile.</param>
/// <param name="Message">The exception message, or the compiler errors with line numbers relative to the cell.</param>
public sealed record CellFailure(int CellIndex, string ExceptionType, string Message);
