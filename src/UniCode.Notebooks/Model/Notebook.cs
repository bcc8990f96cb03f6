using System.Text.Json.Nodes;
using UniCode.Notebooks.Serialization;

namespace UniCode.Notebooks.Model;

/// <summary>
/// An nbformat 4 notebook: metadata and an ordered list of cells with unique ids. Build one with
/// <see cref="CreateCSharp"/> and <see cref="AddCode"/>/<see cref="AddMarkdown"/>, or read one with
/// <see cref="Load"/>; <see cref="Save"/> writes nbformat 4.5 JSON atomically.
/// </summary>
public sealed class Notebook
{
    /// <summary>The nbformat major version this model reads and writes.</summary>
    public const int FormatMajor = 4;

    /// <summary>The lowest nbformat minor version written: 4.5 is the first with cell ids.</summary>
    public const int MinimumWrittenFormatMinor = 5;

    private readonly List<NotebookCell> _cells = [];

    /// <summary>Creates an empty notebook.</summary>
    /// <param name="metadata">Notebook metadata; empty when <c>null</c>.</param>
    /// <param name="formatMinor">The nbformat minor version (written as at least 5).</param>
    public Notebook(JsonObject? metadata = null, int formatMinor = MinimumWrittenFormatMinor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(formatMinor);
        Metadata = metadata ?? [];
        FormatMinor = formatMinor;
    }

    /// <summary>An empty C# Polyglot notebook (kernelspec <c>.net-csharp</c>, default kernel <c>csharp</c>).</summary>
    public static Notebook CreateCSharp() => new(PolyglotMetadata.CreateNotebookMetadata());

    /// <summary>The nbformat minor version read from the file (or given).</summary>
    public int FormatMinor { get; }

    /// <summary>Notebook metadata (kernelspec, language_info, polyglot_notebook, ...).</summary>
    public JsonObject Metadata { get; }

    /// <summary>The cells in order.</summary>
    public IReadOnlyList<NotebookCell> Cells => _cells;

    /// <summary>Appends a C# code cell.</summary>
    public NotebookCell AddCode(string source, string? id = null) => Add(NotebookCell.Code(source, id));

    /// <summary>Appends a markdown cell.</summary>
    public NotebookCell AddMarkdown(string source, string? id = null) => Add(NotebookCell.Markdown(source, id));

    /// <summary>Appends <paramref name="cell"/>; see <see cref="Insert"/> for the id rules.</summary>
    public NotebookCell Add(NotebookCell cell) => Insert(_cells.Count, cell);

    /// <summary>
    /// Inserts <paramref name="cell"/> at <paramref name="index"/>. A derived id that is already used
    /// gets a numeric suffix; a given id that is already used is an error.
    /// </summary>
    /// <exception cref="ArgumentException">The cell is already in this notebook, or its given id is taken.</exception>
    public NotebookCell Insert(int index, NotebookCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, _cells.Count);
        if (_cells.Contains(cell))
        {
            throw new ArgumentException($"Cell '{cell.Id}' is already in this notebook.", nameof(cell));
        }

        if (_cells.Any(other => other.Id == cell.Id))
        {
            if (!cell.HasGeneratedId)
            {
                throw new ArgumentException($"Cell id '{cell.Id}' is already used in this notebook.", nameof(cell));
            }

            cell.Id = UniqueId(cell.Id);
        }

        _cells.Insert(index, cell);
        return cell;
    }

    /// <summary>Removes the cell at <paramref name="index"/>.</summary>
    public void RemoveAt(int index) => _cells.RemoveAt(index);

    /// <summary>Reads a notebook file; see <see cref="NotebookReader.Read(string)"/>.</summary>
    public static Notebook Load(string path) => NotebookReader.Read(path);

    /// <summary>Writes the notebook atomically as nbformat 4.5 JSON; see <see cref="NotebookWriter.Write(Notebook, string)"/>.</summary>
    public void Save(string path) => NotebookWriter.Write(this, path);

    private string UniqueId(string baseId)
    {
        // Derived ids are 8 characters, so a suffix always stays within the 64-character limit.
        for (var n = 2; ; n++)
        {
            var candidate = $"{baseId}-{n}";
            if (!_cells.Any(other => other.Id == candidate))
            {
                return candidate;
            }
        }
    }
}
