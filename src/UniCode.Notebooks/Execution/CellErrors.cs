using System.Globalization;
using Microsoft.CodeAnalysis;
using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Execution;

/// <summary>Builds the <c>error</c> output of a failed cell.</summary>
internal static class CellErrors
{
    /// <summary>The <c>ename</c> of a cell that did not compile.</summary>
    public const string CompilationError = "CompilationError";

    private static readonly string[] HostFrames = ["at Microsoft.CodeAnalysis.Scripting.", "at UniCode.Notebooks.Execution."];

    public static ErrorOutput FromDiagnostics(IEnumerable<Diagnostic> diagnostics, string notebookPath)
    {
        var lines = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => Describe(d, notebookPath))
            .ToArray();
        if (lines.Length == 0)
        {
            lines = ["the compiler reported no error details"];
        }

        return new ErrorOutput(CompilationError, string.Join('\n', lines), lines);
    }

    public static ErrorOutput FromException(Exception exception)
    {
        var name = exception.GetType().FullName ?? exception.GetType().Name;
        return new ErrorOutput(name, exception.Message, Traceback(exception));
    }

    public static ErrorOutput NotSupported(string problem) =>
        new(typeof(NotSupportedException).FullName!, problem, [$"{typeof(NotSupportedException).FullName}: {problem}"]);

    public static ErrorOutput Timeout(TimeSpan limit)
    {
        var message = $"The cell did not finish within the cell timeout of {limit}. A running cell cannot be stopped "
            + "in-process, so the run stops here and later cells are not run.";
        return new ErrorOutput(typeof(TimeoutException).FullName!, message, [$"{typeof(TimeoutException).FullName}: {message}"]);
    }

    private static string Describe(Diagnostic diagnostic, string notebookPath)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (!diagnostic.Location.IsInSource)
        {
            return $"error {diagnostic.Id}: {message}";
        }

        var span = diagnostic.Location.GetLineSpan();
        var line = span.StartLinePosition.Line + 1;
        var column = span.StartLinePosition.Character + 1;

        // The cell is compiled under the notebook's path; anything else came in through #load.
        return string.Equals(span.Path, notebookPath, StringComparison.Ordinal)
            ? $"line {line}, column {column}: error {diagnostic.Id}: {message}"
            : $"{span.Path}({line},{column}): error {diagnostic.Id}: {message}";
    }

    private static string[] Traceback(Exception exception)
    {
        // Frames of the scripting host and of this runner say nothing about the cell; drop them and
        // the markers they leave.
        var lines = exception.ToString().Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => !HostFrames.Any(prefix => line.TrimStart().StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var isMarker = lines[i].TrimStart().StartsWith("--- End of", StringComparison.Ordinal);
            var nextIsMarkerOrEnd = i == lines.Count - 1 || lines[i + 1].TrimStart().StartsWith("---", StringComparison.Ordinal);
            if (isMarker && nextIsMarkerOrEnd)
            {
                lines.RemoveAt(i);
            }
        }

        return lines.ToArray();
    }
}
