using System.Text.RegularExpressions;
using UniCode.Notebooks.Model;

namespace UniCode.Notebooks.Execution;

/// <summary>
/// Decides which kernel runs a code cell, as Polyglot Notebooks does: a kernel magic on the first
/// line (<c>#!csharp</c>, <c>#!fsharp</c>, <c>#!markdown</c>, ...), else the cell's metadata, else
/// the notebook's default kernel, else C#. It also finds what Roslyn scripting cannot run.
/// </summary>
internal static partial class KernelResolver
{
    private static readonly Dictionary<string, string> BuiltInAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csharp"] = "csharp",
        ["c#"] = "csharp",
        ["fsharp"] = "fsharp",
        ["f#"] = "fsharp",
        ["pwsh"] = "pwsh",
        ["powershell"] = "pwsh",
        ["javascript"] = "javascript",
        ["js"] = "javascript",
        ["html"] = "html",
        ["markdown"] = "markdown",
        ["md"] = "markdown",
        ["mermaid"] = "mermaid",
        ["sql"] = "sql",
        ["kql"] = "kql",
        ["http"] = "http",
        ["value"] = "value",
        ["python"] = "python",
        ["r"] = "r",
    };

    public static CellPlan Plan(Notebook notebook, NotebookCell cell)
    {
        var kernels = KernelNames(notebook);
        var lines = cell.Source.Split('\n');
        var firstLine = lines.FirstOrDefault(line => !string.IsNullOrWhiteSpace(line));
        var kernel = (firstLine is null ? null : SelectedKernel(firstLine, kernels))
            ?? Canonical(cell.KernelName, kernels)
            ?? Canonical(PolyglotMetadata.GetDefaultKernelName(notebook.Metadata), kernels)
            ?? PolyglotMetadata.CSharpKernel;
        if (kernel != PolyglotMetadata.CSharpKernel)
        {
            return new CellPlan(kernel, null, null);
        }

        string? problem = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                var selected = SelectedKernel(trimmed, kernels);
                if (selected == PolyglotMetadata.CSharpKernel)
                {
                    // Blank rather than remove, so diagnostics keep the cell's line numbers.
                    lines[i] = "";
                    continue;
                }

                problem ??= selected is not null
                    ? $"line {i + 1}: '{trimmed}' switches to the {selected} kernel inside a C# cell; the headless runner runs only C#, so put that code in its own cell"
                    : $"line {i + 1}: the magic command '{trimmed}' is not supported by the headless runner";
            }
            else if (NuGetReference().IsMatch(trimmed))
            {
                problem ??= $"line {i + 1}: NuGet package references ('{trimmed}') are not supported by the headless runner; "
                    + "build the package's assembly and reference it with #r \"path/to/assembly.dll\" (relative to the notebook's folder)";
            }
        }

        return new CellPlan(kernel, string.Join('\n', lines), problem);
    }

    private static Dictionary<string, string> KernelNames(Notebook notebook)
    {
        var names = new Dictionary<string, string>(BuiltInAliases, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, aliases) in PolyglotMetadata.GetDeclaredKernels(notebook.Metadata))
        {
            var canonical = names.GetValueOrDefault(name, name);
            names[name] = canonical;
            foreach (var alias in aliases)
            {
                names[alias] = canonical;
            }
        }

        return names;
    }

    /// <summary>The kernel a <c>#!name</c> line selects, or <c>null</c> when it is another magic or no magic.</summary>
    private static string? SelectedKernel(string line, Dictionary<string, string> kernels)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith("#!", StringComparison.Ordinal))
        {
            return null;
        }

        var word = trimmed[2..].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return word is not null && kernels.TryGetValue(word, out var kernel) ? kernel : null;
    }

    private static string? Canonical(string? name, Dictionary<string, string> kernels) =>
        name is null ? null : kernels.GetValueOrDefault(name, name.ToLowerInvariant());

    // #r "nuget: Package, 1.0" and #i "nuget: source" are .NET Interactive package directives.
    [GeneratedRegex("""^#[ri]\s+"\s*nuget\s*:""", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetReference();
}
