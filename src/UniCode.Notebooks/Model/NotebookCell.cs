using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace UniCode.Notebooks.Model;

/// <summary>
/// One cell of a notebook. Code cells carry outputs and an execution count; markdown and raw cells
/// may carry attachments.
/// </summary>
public sealed class NotebookCell
{
    private const int MaxIdLength = 64;

    private readonly List<CellOutput> _outputs = [];
    private string _source;
    private int? _executionCount;
    private JsonObject? _attachments;

    /// <summary>Creates a cell.</summary>
    /// <param name="cellType">Code, markdown or raw.</param>
    /// <param name="source">The cell's text.</param>
    /// <param name="id">
    /// The nbformat cell id (1-64 letters, digits, <c>-</c> or <c>_</c>, unique in the notebook); when
    /// <c>null</c> one is derived from the type and source, so generated notebooks are reproducible.
    /// </param>
    /// <param name="metadata">Cell metadata; empty when <c>null</c>.</param>
    public NotebookCell(CellType cellType, string source, string? id = null, JsonObject? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!Enum.IsDefined(cellType))
        {
            throw new ArgumentOutOfRangeException(nameof(cellType), cellType, "Unknown cell type.");
        }

        if (id is not null && !IsValidId(id))
        {
            throw new ArgumentException(
                $"Cell id '{id}' is invalid: it must be 1-{MaxIdLength} characters of letters, digits, '-' or '_'.", nameof(id));
        }

        CellType = cellType;
        _source = source;
        Id = id ?? DeriveId(cellType, source);
        HasGeneratedId = id is null;
        Metadata = metadata ?? [];
    }

    /// <summary>A C# code cell with Polyglot metadata (<c>polyglot_notebook.kernelName = csharp</c>).</summary>
    public static NotebookCell Code(string source, string? id = null) =>
        new(CellType.Code, source, id, PolyglotMetadata.CreateCodeCellMetadata());

    /// <summary>A markdown cell.</summary>
    public static NotebookCell Markdown(string source, string? id = null) => new(CellType.Markdown, source, id);

    /// <summary>The nbformat cell id.</summary>
    public string Id { get; internal set; }

    /// <summary>Code, markdown or raw.</summary>
    public CellType CellType { get; }

    /// <summary>The cell's text; stored in files as a list of lines.</summary>
    public string Source
    {
        get => _source;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _source = value;
        }
    }

    /// <summary>Cell metadata (free form; Polyglot keeps the cell's kernel here).</summary>
    public JsonObject Metadata { get; }

    /// <summary>The outputs of a code cell, in the order they were produced; always empty for other cells.</summary>
    public IList<CellOutput> Outputs => CellType == CellType.Code ? _outputs : Array.Empty<CellOutput>();

    /// <summary>The execution count of a code cell, <c>null</c> when it has not been run.</summary>
    /// <exception cref="InvalidOperationException">Set on a cell that is not a code cell.</exception>
    public int? ExecutionCount
    {
        get => _executionCount;
        set
        {
            if (CellType != CellType.Code && value is not null)
            {
                throw new InvalidOperationException($"Only code cells have an execution count; cell '{Id}' is {CellType}.");
            }

            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "An execution count cannot be negative.");
            }

            _executionCount = value;
        }
    }

    /// <summary>Attachments of a markdown or raw cell (file name to mime bundle), <c>null</c> when absent.</summary>
    /// <exception cref="InvalidOperationException">Set on a code cell.</exception>
    public JsonObject? Attachments
    {
        get => _attachments;
        set
        {
            if (CellType == CellType.Code && value is not null)
            {
                throw new InvalidOperationException($"Code cells have no attachments; cell '{Id}'.");
            }

            _attachments = value;
        }
    }

    /// <summary>The kernel the cell's metadata names (see <see cref="PolyglotMetadata.GetCellKernelName"/>), or <c>null</c>.</summary>
    public string? KernelName => PolyglotMetadata.GetCellKernelName(Metadata);

    /// <summary>True when the id was derived rather than given, so a notebook may rename it to keep ids unique.</summary>
    internal bool HasGeneratedId { get; set; }

    /// <summary>Whether <paramref name="id"/> is a valid nbformat 4.5 cell id.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    internal static string DeriveId(CellType cellType, string source)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{cellType}\n{source}"));
        return Convert.ToHexStringLower(hash, 0, 4);
    }
}
