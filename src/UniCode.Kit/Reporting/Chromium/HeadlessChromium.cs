using System.Globalization;
using System.Text;
using UniCode.Kit.Processes;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Reporting.Chromium;

/// <summary>
/// Screenshots of HTML pages through headless Chromium (Debian package <c>chromium</c>): the page is
/// written to a temporary folder and opened as a file:// URL (so it must carry everything it needs,
/// e.g. an inlined plotly.js), in a fresh profile that is deleted afterwards, with networking features off.
/// The executable is <see cref="EnvironmentVariable"/> if set, else <see cref="DefaultPath"/>.
/// </summary>
public static class HeadlessChromium
{
    /// <summary>The environment variable that names the Chromium executable.</summary>
    public const string EnvironmentVariable = "UNICODE_CHROMIUM";

    /// <summary>Where Debian's package puts Chromium.</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The command that installs Chromium (Debian, as root).</summary>
    public const string InstallCommand = "apt-get install -y chromium";

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The Chromium executable.</summary>
    /// <exception cref="FileNotFoundException">Chromium is not installed (the message says how to install it) or the variable names a missing file.</exception>
    public static string Locate()
    {
        var named = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            return File.Exists(named)
                ? named
                : throw new FileNotFoundException(
                    $"{EnvironmentVariable} is set to '{named}', which is not a file. Point it at a Chromium executable, or unset it and run `{InstallCommand}`.",
                    named);
        }

        return File.Exists(DefaultPath)
            ? DefaultPath
            : throw new FileNotFoundException(
                $"Chromium not found at {DefaultPath}: install it with `{InstallCommand}` (Debian), or set {EnvironmentVariable} to its executable.",
                DefaultPath);
    }

    /// <summary>A PNG screenshot of the page <paramref name="html"/>.</summary>
    /// <param name="html">A complete, self-contained HTML page.</param>
    /// <param name="options">Window size, scale, time limits (defaults when null).</param>
    /// <returns>The PNG file's bytes.</returns>
    public static byte[] Screenshot(string html, ScreenshotOptions? options = null) => Screenshot(html, options, readyMarker: null, errorMarker: null);

    /// <summary>Writes a PNG screenshot of the page <paramref name="html"/> to <paramref name="path"/>, atomically.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="html">A complete, self-contained HTML page.</param>
    /// <param name="options">Window size, scale, time limits (defaults when null).</param>
    public static void WriteScreenshot(string path, string html, ScreenshotOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllBytes(path, Screenshot(html, options));
    }

    /// <summary>
    /// The screenshot, optionally requiring the page to log <paramref name="readyMarker"/> to the console (proof
    /// that its script finished) and failing with the page's message when it logs <paramref name="errorMarker"/>.
    /// </summary>
    internal static byte[] Screenshot(string html, ScreenshotOptions? options, string? readyMarker, string? errorMarker)
    {
        ArgumentNullException.ThrowIfNull(html);
        options ??= new ScreenshotOptions();
        options.Validate();
        var executable = Locate();
        var folder = Directory.CreateTempSubdirectory("unicode-chromium-");
        try
        {
            var page = Path.Combine(folder.FullName, "page.html");
            var screenshot = Path.Combine(folder.FullName, "screenshot.png");
            File.WriteAllText(page, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            var (log, exitCode) = Run(executable, Arguments(folder.FullName, page, screenshot, options), options.Timeout);
            if (errorMarker is not null && FindConsoleMessage(log, errorMarker) is { } failure)
            {
                throw new InvalidOperationException($"the page failed to render in Chromium: {failure}");
            }

            if (!File.Exists(screenshot))
            {
                throw new InvalidOperationException($"Chromium ({executable}) exited with code {exitCode} without writing a screenshot. Its log:\n{Tail(log)}");
            }

            if (readyMarker is not null && FindConsoleMessage(log, readyMarker) is null)
            {
                throw new InvalidOperationException(
                    $"the page did not report that it finished rendering within the virtual time budget of {options.VirtualTimeBudgetMilliseconds} ms. "
                    + $"Chromium's log:\n{Tail(log)}");
            }

            var bytes = File.ReadAllBytes(screenshot);
            if (bytes.Length < PngSignature.Length || !bytes.AsSpan(0, PngSignature.Length).SequenceEqual(PngSignature))
            {
                throw new InvalidDataException($"Chromium wrote {screenshot} but it is not a PNG ({bytes.Length} bytes)");
            }

            return bytes;
        }
        finally
        {
            DeleteQuietly(folder);
        }
    }

    private static List<string> Arguments(string folder, string page, string screenshot, ScreenshotOptions options) =>
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--mute-audio",
        // The page's console messages go to stderr, where the ready/error markers are read.
        "--enable-logging=stderr",
        "--v=0",
        $"--user-data-dir={Path.Combine(folder, "profile")}",
        $"--screenshot={screenshot}",
        $"--window-size={options.Width},{options.Height}",
        $"--force-device-scale-factor={options.Scale.ToString(CultureInfo.InvariantCulture)}",
        $"--virtual-time-budget={options.VirtualTimeBudgetMilliseconds}",
        new Uri(page).AbsoluteUri,
    ];

    private static (string Log, int ExitCode) Run(string executable, List<string> arguments, TimeSpan timeout)
    {
        try
        {
            var result = ExternalProcess.Run(executable, arguments, new ExternalProcessOptions { Timeout = timeout, InstallHint = InstallCommand });
            return (result.Output, result.ExitCode);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(
                $"Chromium ({executable}) did not finish the screenshot within {timeout.TotalSeconds:0.#} s and was stopped; "
                + "the page may loop forever, or the machine is overloaded (raise ScreenshotOptions.Timeout).",
                e);
        }
    }

    // Chromium logs console calls as: [...:INFO:CONSOLE:12] "message", source: file:///... (12)
    private static string? FindConsoleMessage(string log, string marker)
    {
        foreach (var line in log.Split('\n'))
        {
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && line.Contains("CONSOLE", StringComparison.Ordinal))
            {
                var message = line[(at + marker.Length)..];
                var end = message.IndexOf("\", source:", StringComparison.Ordinal);
                return (end >= 0 ? message[..end] : message).Trim();
            }
        }

        return null;
    }

    private static string Tail(string log)
    {
        // D-Bus complaints are noise in containers without a session bus.
        var lines = log.Split('\n').Where(l => l.Length > 0 && !l.Contains("dbus", StringComparison.OrdinalIgnoreCase)).ToList();
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Count - 20)));
    }

    private static void DeleteQuietly(DirectoryInfo folder)
    {
        // A killed Chromium may still be releasing files for a moment; retry briefly, then leave it to the OS's temp cleaning.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                folder.Refresh();
                if (folder.Exists)
                {
                    folder.Delete(recursive: true);
                }

                return;
            }
            catch (IOException)
            {
                Thread.Sleep(200);
            }
            catch (UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }
}
