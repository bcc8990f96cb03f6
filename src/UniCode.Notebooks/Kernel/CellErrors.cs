using System.Text.RegularExpressions;
using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Kernel;

/// <summary>The <c>error</c> output of a cell that failed, timed out or took the kernel down.</summary>
internal static partial class CellErrors
{
    /// <summary>The <c>ename</c> of a cell that did not compile.</summary>
    public const string CompilationError = "CompilationError";

    /// <summary>The <c>ename</c> of a cell whose kernel process ended.</summary>
    public const string KernelExited = "KernelExited";

    /// <summary>From the kernel's failure message: an exception's type and message, or the compiler's diagnostics.</summary>
    public static ErrorOutput FromKernelMessage(string message)
    {
        var lines = message.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var match = ExceptionLine().Match(lines[0]);
        if (match.Success)
        {
            return new ErrorOutput(match.Groups["type"].Value, match.Groups["message"].Value, lines);
        }

        var name = Diagnostic().IsMatch(lines[0]) ? CompilationError : "Error";
        return new ErrorOutput(name, string.Join('\n', lines), lines);
    }

    public static ErrorOutput Timeout(TimeSpan limit)
    {
        var message = $"The cell did not finish within the cell timeout of {limit}; the kernel was stopped, so the run stops here and later cells are not run.";
        return new ErrorOutput(typeof(TimeoutException).FullName!, message, [$"{typeof(TimeoutException).FullName}: {message}"]);
    }

    public static ErrorOutput Exited(string description)
    {
        var message = $"{description}; later cells are not run.";
        return new ErrorOutput(KernelExited, message, [$"{KernelExited}: {message}"]);
    }

    // "System.InvalidOperationException: boom" (the first line of an exception's ToString()).
    [GeneratedRegex(@"^(?<type>[A-Za-z_][\w.`+]*(Exception|Error)): ?(?<message>.*)$")]
    private static partial Regex ExceptionLine();

    // "(1,41): error CS0029: ..." (C#) or "input.fsx (1,5)-(1,6) typecheck error ..." (F#).
    [GeneratedRegex(@"^\S*\s?\(\d+,\d+\).*\berror\b")]
    private static partial Regex Diagnostic();
}
