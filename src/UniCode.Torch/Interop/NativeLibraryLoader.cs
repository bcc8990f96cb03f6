using System.Reflection;
using System.Runtime.InteropServices;

namespace UniCode.Torch.Interop;

/// <summary>
/// Finds libunicode_torch.so (the C++ bridge) and, through it, libtorch.
/// Looks in a short, fixed list of places and, when nothing loads, raises an error that lists them.
/// </summary>
internal static class NativeLibraryLoader
{
    internal const string LibraryName = "unicode_torch";
    private const string FileName = "libunicode_torch.so";
    private static readonly Lock LoadLock = new();

    // The runtime asks the resolver again for every P/Invoke it binds for the first time, so the bridge is loaded
    // (and its defaults applied) once and the same handle returned after: applying the defaults at each binding reset
    // whatever thread counts the program had set by then, at its first call of any op not called before.
    private static IntPtr loaded;

    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName)
        {
            return IntPtr.Zero;
        }

        lock (LoadLock)
        {
            if (loaded == IntPtr.Zero)
            {
                loaded = Load(assembly);
            }

            return loaded;
        }
    }

    private static IntPtr Load(Assembly assembly)
    {
        var failures = new List<string>();
        foreach (var path in CandidatePaths(assembly))
        {
            if (!File.Exists(path))
            {
                failures.Add($"{path}: not found");
                continue;
            }

            try
            {
                var library = NativeLibrary.Load(path);
                LibTorch.ApplyDefaults(library);
                return library;
            }
            catch (DllNotFoundException ex)
            {
                // Usually a missing dependency (libtorch.so, libopencv_*.so): dlerror names it.
                failures.Add($"{path}: {ex.Message}");
            }
        }

        throw new DllNotFoundException(
            "UniCode.Torch could not load its native bridge " + FileName + ". Looked in:\n  " +
            string.Join("\n  ", failures) +
            "\nBuild the kit with `dotnet build` (it compiles the bridge), and install libtorch and OpenCV with " +
            "`sudo apt-get install libtorch-dev libopencv-dev`, or set UNICODE_TORCH_NATIVE to the folder holding " +
            FileName + ". A bridge built against another libtorch (LIBTORCH_DIR) needs that libtorch's lib folder " +
            "on LD_LIBRARY_PATH.");
    }

    private static IEnumerable<string> CandidatePaths(Assembly assembly) =>
        CandidatePathsWithRepeats(assembly).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> CandidatePathsWithRepeats(Assembly assembly)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("UNICODE_TORCH_NATIVE");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            yield return fromEnvironment.EndsWith(".so", StringComparison.Ordinal)
                ? fromEnvironment
                : Path.Combine(fromEnvironment, FileName);
        }

        var assemblyDirectory = string.IsNullOrEmpty(assembly.Location) ? null : Path.GetDirectoryName(assembly.Location);
        if (assemblyDirectory is not null)
        {
            yield return Path.Combine(assemblyDirectory, FileName);
        }

        yield return Path.Combine(AppContext.BaseDirectory, FileName);
    }
}
