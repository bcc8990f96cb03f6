using System.Text.RegularExpressions;
using UniCode.Notebooks.Model;

namespace UniCode.Notebooks;

/// <summary>
/// The files a notebook's code cells load with <c>#r "path"</c>. The kernel resolves a relative path against the
/// notebook's folder (its working directory); a missing file fails the first cell with a compilation error and every
/// later cell with it, so the runner checks them before the kernel starts. NuGet references (<c>#r "nuget: ..."</c>)
/// are restored by the kernel and are not checked here.
/// </summary>
public static partial class AssemblyReferences
{
    /// <summary>One <c>#r</c> of a file that does not exist.</summary>
    /// <param name="CellIndex">The cell (0-based, among all cells) that loads it.</param>
    /// <param name="Reference">The path as the cell writes it.</param>
    /// <param name="FullPath">Where the kernel would look for it.</param>
    public sealed record Missing(int CellIndex, string Reference, string FullPath);

    /// <summary>The file references of <paramref name="notebook"/> that do not exist, resolved against <paramref name="folder"/>.</summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="folder">The notebook's folder, where its kernel runs.</param>
    public static IReadOnlyList<Missing> MissingFiles(Notebook notebook, string folder)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var missing = new List<Missing>();
        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            if (cell.CellType != CellType.Code)
            {
                continue;
            }

            foreach (Match match in FileReference().Matches(cell.Source))
            {
                var reference = match.Groups["path"].Value;
                if (reference.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var fullPath = Path.GetFullPath(reference, folder);
                if (!File.Exists(fullPath))
                {
                    missing.Add(new Missing(index, reference, fullPath));
                }
            }
        }

        return missing;
    }

    // `#r "…"` at the start of a line, as C# and F# cells write it.
    [GeneratedRegex(@"^[ \t]*#r[ \t]+""(?<path>[^""]+)""", RegexOptions.Multiline)]
    private static partial Regex FileReference();
}
