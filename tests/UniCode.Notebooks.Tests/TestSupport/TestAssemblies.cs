using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace UniCode.Notebooks.Tests.TestSupport;

/// <summary>Compiles small class libraries on the fly, for notebooks to reference with #r.</summary>
internal static class TestAssemblies
{
    /// <summary>Compiles <paramref name="source"/> into <c>folder/name.dll</c> and returns its path.</summary>
    public static string Compile(string folder, string assemblyName, string source, params string[] referencePaths)
    {
        Directory.CreateDirectory(folder);
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = new[]
            {
                typeof(object).Assembly.Location,
                Path.Combine(runtimeFolder, "System.Runtime.dll"),
            }
            .Concat(referencePaths)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var path = Path.Combine(folder, assemblyName + ".dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join('\n', result.Diagnostics));
        return path;
    }

    /// <summary>A name no other test uses, since the runtime keeps one assembly per name loaded.</summary>
    public static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}";
}
