using System.Text.RegularExpressions;
using UniCode.Kit.Processes;

namespace UniCode.Kit.Reporting.Plotly;

/// <summary>
/// Finds and reads plotly.js (<c>plotly.min.js</c> of npm's <c>plotly.js-dist-min</c>), which the kit
/// never downloads: the project's set-up installs it with <see cref="InstallCommand"/>. Looked for, in
/// order: the file named by <see cref="EnvironmentVariable"/>; <see cref="ProjectRelativePath"/> in the
/// current directory or any parent, then in the kit assembly's directory or any parent; the global npm
/// root (<c>npm root -g</c>).
/// </summary>
public static partial class PlotlyJs
{
    /// <summary>The environment variable that names plotly.min.js explicitly.</summary>
    public const string EnvironmentVariable = "UNICODE_PLOTLY_JS";

    /// <summary>Where the set-up's npm install puts the library, relative to the project root.</summary>
    public const string ProjectRelativePath = ".cache/npm/node_modules/plotly.js-dist-min/plotly.min.js";

    /// <summary>The command that installs the library, run in the project root.</summary>
    public const string InstallCommand = "npm install --prefix .cache/npm plotly.js-dist-min";

    private const string PackageRelativePath = "plotly.js-dist-min/plotly.min.js";

    private static readonly Lock Gate = new();
    private static (string Path, DateTime Written, long Length, string Script)? cache;
    private static bool notebookHasLibrary;

    /// <summary>The path of plotly.min.js.</summary>
    /// <exception cref="FileNotFoundException">It is not installed (the message says how to install it), or the environment variable names a missing file.</exception>
    public static string Locate() =>
        Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), SearchStarts(), NpmGlobalRoot);

    /// <summary>The library's source text (read once per file version, then cached).</summary>
    public static string ReadScript()
    {
        var path = Locate();
        var info = new FileInfo(path);
        lock (Gate)
        {
            if (cache is { } c && c.Path == path && c.Written == info.LastWriteTimeUtc && c.Length == info.Length)
            {
                return c.Script;
            }

            var script = File.ReadAllText(path);
            if (!script.Contains("Plotly", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{path} does not look like plotly.js (no 'Plotly' in it); reinstall it with `{InstallCommand}`");
            }

            cache = (path, info.LastWriteTimeUtc, info.Length, script);
            return script;
        }
    }

    /// <summary>
    /// Makes the next <see cref="PlotlyFigure.ToHtml()"/> inline the library again, e.g. after a notebook's
    /// outputs were cleared (the first figure of a process inlines it, later ones assume it is on the page).
    /// </summary>
    public static void ResetNotebook()
    {
        lock (Gate)
        {
            notebookHasLibrary = false;
        }
    }

    /// <summary>The library as the body of an inline <c>&lt;script&gt;</c>: sequences that would end or confuse the element are escaped.</summary>
    internal static string ScriptForInlining() => ScriptBreakers().Replace(ReadScript(), m => m.Value[0] + "\\" + m.Value[1..]);

    /// <summary>Runs <paramref name="render"/> with Inline for a process's first notebook figure and AssumeLoaded afterwards.</summary>
    internal static string RenderForNotebook(Func<PlotlyJsMode, string> render)
    {
        lock (Gate)
        {
            var html = render(notebookHasLibrary ? PlotlyJsMode.AssumeLoaded : PlotlyJsMode.Inline);
            notebookHasLibrary = true;
            return html;
        }
    }

    /// <summary>The search itself, with its inputs explicit (tests use it to simulate a machine without the library).</summary>
    internal static string Locate(string? environmentValue, IEnumerable<string> searchStarts, Func<string?> npmGlobalRoot)
    {
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            var named = Path.GetFullPath(environmentValue);
            return File.Exists(named)
                ? named
                : throw new FileNotFoundException(
                    $"{EnvironmentVariable} is set to '{environmentValue}', which is not a file. Point it at plotly.min.js "
                    + $"(npm package plotly.js-dist-min), or unset it and run `{InstallCommand}` in the project folder.",
                    environmentValue);
        }

        var looked = new List<string>();
        var starts = searchStarts.Where(s => !string.IsNullOrEmpty(s))
            .Select(s => Path.TrimEndingDirectorySeparator(Path.GetFullPath(s)))
            .Distinct(StringComparer.Ordinal);
        foreach (var start in starts)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, ProjectRelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            looked.Add($"{Path.Combine(start, ProjectRelativePath)} and the same under every parent of {start}");
        }

        var root = npmGlobalRoot();
        if (!string.IsNullOrWhiteSpace(root))
        {
            var candidate = Path.Combine(root, PackageRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            looked.Add(candidate);
        }
        else
        {
            looked.Add("the global npm root (npm not found or `npm root -g` failed)");
        }

        throw new FileNotFoundException(
            $"plotly.js not found. Run `{InstallCommand}` in the project folder (or set {EnvironmentVariable} to plotly.min.js). "
            + $"Looked in: {string.Join("; ", looked)}.",
            ProjectRelativePath);
    }

    private static IEnumerable<string> SearchStarts()
    {
        yield return Directory.GetCurrentDirectory();
        var assembly = Path.GetDirectoryName(typeof(PlotlyJs).Assembly.Location);
        if (!string.IsNullOrEmpty(assembly))
        {
            yield return assembly;
        }

        yield return AppContext.BaseDirectory;
    }

    private static string? NpmGlobalRoot()
    {
        try
        {
            var npm = ExternalProcess.Run("npm", ["root", "-g"], new ExternalProcessOptions { Timeout = TimeSpan.FromSeconds(20) });
            return npm.Succeeded ? npm.StandardOutput.Trim() : null;
        }
        catch (Exception e) when (e is ProgramNotFoundException or TimeoutException)
        {
            return null; // npm is not installed, or hangs: the message lists the other places looked in
        }
    }

    // "</script" would end the inline element; "<!--" could put the HTML parser in its script-escape state.
    // Both only occur inside string or regex literals, where "<\/" and "<\!" mean the same characters.
    [GeneratedRegex("</(?=script)|<!(?=--)", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptBreakers();
}
