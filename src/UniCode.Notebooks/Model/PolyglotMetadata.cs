using System.Text.Json.Nodes;

namespace UniCode.Notebooks.Model;

/// <summary>
/// The metadata VS Code's Polyglot Notebooks extension reads and writes: which kernel a notebook
/// starts with and which kernel runs each code cell.
/// </summary>
public static class PolyglotMetadata
{
    /// <summary>The kernel name of C# cells.</summary>
    public const string CSharpKernel = "csharp";

    /// <summary>The kernelspec name of .NET Interactive's C# kernel.</summary>
    public const string CSharpKernelSpecName = ".net-csharp";

    /// <summary>Notebook metadata of a C# Polyglot notebook: <c>kernelspec</c>, <c>language_info</c>, <c>polyglot_notebook</c>.</summary>
    public static JsonObject CreateNotebookMetadata() => new()
    {
        ["kernelspec"] = new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = CSharpKernelSpecName,
        },
        ["language_info"] = new JsonObject
        {
            ["name"] = "polyglot-notebook",
        },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = CSharpKernel,
                ["items"] = new JsonArray
                {
                    new JsonObject { ["name"] = CSharpKernel, ["aliases"] = new JsonArray() },
                },
            },
        },
    };

    /// <summary>Code-cell metadata naming the kernel that runs the cell.</summary>
    /// <param name="kernelName">The kernel, <see cref="CSharpKernel"/> by default.</param>
    public static JsonObject CreateCodeCellMetadata(string kernelName = CSharpKernel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kernelName);
        return new JsonObject
        {
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernelName },
        };
    }

    /// <summary>
    /// The kernel a code cell's metadata names: <c>polyglot_notebook.kernelName</c>, else the older
    /// <c>dotnet_interactive.language</c>; <c>null</c> when neither is present.
    /// </summary>
    public static string? GetCellKernelName(JsonObject cellMetadata)
    {
        ArgumentNullException.ThrowIfNull(cellMetadata);
        return GetString(cellMetadata, "polyglot_notebook", "kernelName")
            ?? GetString(cellMetadata, "dotnet_interactive", "language");
    }

    /// <summary>
    /// The kernel code cells use when their metadata names none: <c>polyglot_notebook.kernelInfo.defaultKernelName</c>,
    /// else derived from <c>kernelspec.name</c> (<c>.net-csharp</c> gives <c>csharp</c>); <c>null</c> when unknown.
    /// </summary>
    public static string? GetDefaultKernelName(JsonObject notebookMetadata)
    {
        ArgumentNullException.ThrowIfNull(notebookMetadata);
        var declared = GetString(notebookMetadata, "polyglot_notebook", "kernelInfo", "defaultKernelName");
        if (declared is not null)
        {
            return declared;
        }

        var spec = GetString(notebookMetadata, "kernelspec", "name");
        return spec switch
        {
            null => null,
            _ when spec.StartsWith(".net-", StringComparison.OrdinalIgnoreCase) => spec[".net-".Length..],
            _ => spec,
        };
    }

    /// <summary>The kernels the notebook declares, as (name, aliases) from <c>polyglot_notebook.kernelInfo.items</c>.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Aliases)> GetDeclaredKernels(JsonObject notebookMetadata)
    {
        ArgumentNullException.ThrowIfNull(notebookMetadata);
        var result = new List<(string, IReadOnlyList<string>)>();
        if (Navigate(notebookMetadata, "polyglot_notebook", "kernelInfo", "items") is not JsonArray items)
        {
            return result;
        }

        foreach (var item in items.OfType<JsonObject>())
        {
            if (GetString(item, "name") is not { } name)
            {
                continue;
            }

            var aliases = item["aliases"] is JsonArray array
                ? array.Select(alias => alias is JsonValue value && value.TryGetValue(out string? text) ? text : null)
                    .OfType<string>().ToArray()
                : [];
            result.Add((name, aliases));
        }

        return result;
    }

    private static JsonNode? Navigate(JsonObject root, params string[] path)
    {
        JsonNode? node = root;
        foreach (var key in path)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(key, out node))
            {
                return null;
            }
        }

        return node;
    }

    private static string? GetString(JsonObject root, params string[] path) =>
        Navigate(root, path) is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;
}
