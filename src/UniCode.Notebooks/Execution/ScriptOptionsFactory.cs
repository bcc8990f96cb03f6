using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using UniCode.Notebooks.Scripting;

namespace UniCode.Notebooks.Execution;

/// <summary>Roslyn scripting options for one notebook: references, usings and path resolution.</summary>
internal static class ScriptOptionsFactory
{
    /// <summary>The usings every cell starts with; close to .NET Interactive's C# kernel, plus the runner's own types.</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
    [
        "System",
        "System.Collections",
        "System.Collections.Generic",
        "System.IO",
        "System.Linq",
        "System.Net.Http",
        "System.Text",
        "System.Threading",
        "System.Threading.Tasks",
        "UniCode.Notebooks.Scripting",
    ];

    // ScriptOptions.Default already names the core facades (System.Runtime, System.Collections, ...);
    // these add what the default usings and everyday notebook code need on top.
    private static readonly string[] ExtraFrameworkAssemblies =
        ["System.Linq", "System.Net.Http", "System.Runtime.Numerics", "System.Text.Json", "System.Memory"];

    public static ScriptOptions Create(string notebookPath)
    {
        var folder = Path.GetDirectoryName(notebookPath)
            ?? throw new ArgumentException($"'{notebookPath}' has no folder.", nameof(notebookPath));

        // The file path makes #r and #load resolve relative to the notebook's folder (as in VS Code)
        // and gives exceptions line numbers within the cell.
        return ScriptOptions.Default
            .WithFilePath(notebookPath)
            .WithFileEncoding(Encoding.UTF8)
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Debug)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(folder))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(folder))
            .AddReferences(ExtraFrameworkAssemblies)
            .AddReferences(typeof(NotebookGlobals).Assembly)
            .WithImports(DefaultImports);
    }
}
