using System.Reflection;
using System.Runtime.InteropServices;
using UniCode.Torch.Interop;

namespace UniCode.Torch.Tests.Interop;

public sealed class NativeExportsTests
{
    [Fact]
    public void Every_entry_point_Native_declares_exists_in_the_built_bridge()
    {
        var methods = typeof(Native).GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly);
        var entryPoints = methods
            .Select(m => (m.GetCustomAttribute<LibraryImportAttribute>()?.EntryPoint ?? m.GetCustomAttribute<DllImportAttribute>()?.EntryPoint ??
                (m.IsDefined(typeof(LibraryImportAttribute)) || m.IsDefined(typeof(DllImportAttribute)) ? m.Name : null)))
            .OfType<string>()
            .Distinct()
            .ToList();
        Assert.True(entryPoints.Count > 200, $"found only {entryPoints.Count} declarations");

        var library = NativeLibrary.Load(Path.Combine(AppContext.BaseDirectory, "libunicode_torch.so"));
        var missing = entryPoints.Where(name => !NativeLibrary.TryGetExport(library, name, out _)).ToList();
        Assert.True(missing.Count == 0, $"declared in Native but not exported by libunicode_torch.so: {string.Join(", ", missing)}");
    }
}
