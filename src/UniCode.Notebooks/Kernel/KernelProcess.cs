using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace UniCode.Notebooks.Kernel;

/// <summary>
/// The .NET Interactive kernel in its own process, started as VS Code starts it (<c>dotnet-interactive stdio</c>),
/// spoken to with its JSON command and event envelopes, one per line. Its own process means the assemblies a
/// notebook references are the ones its cells use, never copies the caller has loaded, and a cell that runs too
/// long can be stopped by ending the process.
/// </summary>
internal sealed class KernelProcess : IDisposable
{
    private const int StderrLinesKept = 20;
    private readonly Process process;
    private readonly Channel<JsonObject> events = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Queue<string> stderrTail = new();
    private int submissions;

    private KernelProcess(Process process) => this.process = process;

    /// <summary>Starts the kernel and waits until it reports <c>KernelReady</c>.</summary>
    /// <param name="workingDirectory">The cells' current directory (the notebook's folder, as in VS Code).</param>
    /// <param name="environment">Variables to set (a null value removes the variable) for the kernel process.</param>
    /// <param name="startTimeout">How long start-up may take.</param>
    /// <param name="cancellationToken">Stops waiting (and the kernel).</param>
    /// <exception cref="FileNotFoundException">The kernel tool is not installed.</exception>
    /// <exception cref="InvalidOperationException">The kernel did not start; the message has its last error lines.</exception>
    public static async Task<KernelProcess> StartAsync(
        string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var start = KernelCommandLine.Create(KernelTool.Locate(), workingDirectory, environment);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start the .NET Interactive kernel ({start.FileName} {string.Join(' ', start.ArgumentList)})");
        var kernel = new KernelProcess(process);
        kernel.StartReading();
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(startTimeout);
            while (true)
            {
                JsonObject envelope;
                try
                {
                    envelope = await kernel.events.Reader.ReadAsync(limit.Token).ConfigureAwait(false);
                }
                catch (ChannelClosedException)
                {
                    throw new InvalidOperationException($"the .NET Interactive kernel exited during start-up{kernel.ExitDescription()}");
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new InvalidOperationException($"the .NET Interactive kernel did not start within {startTimeout.TotalSeconds:0} s{kernel.ExitDescription()}");
                }

                if (EventType(envelope) == "KernelReady")
                {
                    break;
                }
            }

            // The kernel compiles its first C# submission slowly (seconds: it loads Roslyn and sets up the
            // kernel's usings); a comment-only submission does that here, so a cell timeout measures the cell.
            var warmUp = await kernel.SubmitAsync("// warm-up", "csharp", startTimeout, cancellationToken).ConfigureAwait(false);
            return warmUp.Status == KernelReplyStatus.Succeeded
                ? kernel
                : throw new InvalidOperationException($"the .NET Interactive kernel could not run C# ({warmUp.Status}: {warmUp.Message}){kernel.ExitDescription()}");
        }
        catch
        {
            kernel.Dispose();
            throw;
        }
    }

    /// <summary>Submits one cell to <paramref name="kernelName"/> and collects its events until it succeeds, fails, times out or the kernel ends.</summary>
    /// <param name="code">The cell's source, magic commands included.</param>
    /// <param name="kernelName">The subkernel that runs it (csharp, fsharp, pwsh, ...).</param>
    /// <param name="timeout">How long the cell may run; on expiry the kernel process is ended.</param>
    /// <param name="cancellationToken">Abandons the cell (the kernel is ended).</param>
    public async Task<KernelReply> SubmitAsync(string code, string kernelName, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var token = $"unicode-cell-{++submissions}";
        var command = new JsonObject
        {
            ["token"] = token,
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = kernelName },
        };
        try
        {
            await process.StandardInput.WriteLineAsync(command.ToJsonString().AsMemory(), cancellationToken).ConfigureAwait(false);
            await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return new KernelReply([], KernelReplyStatus.KernelExited, $"the kernel process had ended before the cell was sent{ExitDescription()}");
        }

        var received = new List<JsonObject>();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } span)
        {
            limit.CancelAfter(span);
        }

        while (true)
        {
            JsonObject envelope;
            try
            {
                envelope = await events.Reader.ReadAsync(limit.Token).ConfigureAwait(false);
            }
            catch (ChannelClosedException)
            {
                return new KernelReply(received, KernelReplyStatus.KernelExited, $"the kernel process ended while the cell ran{ExitDescription()}");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Stop();
                return new KernelReply(received, KernelReplyStatus.TimedOut, null);
            }
            catch (OperationCanceledException)
            {
                Stop();
                throw;
            }

            var eventToken = envelope["command"]?["token"]?.GetValue<string>();
            if (eventToken is null || !(eventToken == token || eventToken.StartsWith(token + ".", StringComparison.Ordinal)))
            {
                continue; // an earlier cell's late event, or one the kernel sent on its own
            }

            received.Add(envelope);
            if (eventToken != token)
            {
                continue;
            }

            switch (EventType(envelope))
            {
                case "CommandSucceeded":
                    return new KernelReply(received, KernelReplyStatus.Succeeded, null);
                case "CommandFailed":
                    return new KernelReply(received, KernelReplyStatus.Failed, envelope["event"]?["message"]?.GetValue<string>() ?? "the cell failed");
            }
        }
    }

    /// <summary>Ends the kernel process (and anything it started).</summary>
    public void Dispose()
    {
        Stop();
        process.Dispose();
    }

    internal static string? EventType(JsonObject envelope) => envelope["eventType"]?.GetValue<string>();

    private void Stop()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It had already ended.
        }
    }

    private void StartReading()
    {
        _ = Task.Run(async () =>
        {
            try
            {
                while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
                {
                    // The protocol is one JSON envelope per line; anything else (a banner) is not for us.
                    if (line.StartsWith('{') && TryParse(line) is { } envelope)
                    {
                        events.Writer.TryWrite(envelope);
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The process ended under the reader.
            }
            finally
            {
                events.Writer.TryComplete();
            }
        });
        _ = Task.Run(async () =>
        {
            try
            {
                while (await process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
                {
                    lock (stderrTail)
                    {
                        stderrTail.Enqueue(line);
                        if (stderrTail.Count > StderrLinesKept)
                        {
                            stderrTail.Dequeue();
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The process ended under the reader.
            }
        });
    }

    private string ExitDescription()
    {
        var text = new StringBuilder();
        try
        {
            if (process.WaitForExit(2_000))
            {
                text.Append($" (exit code {process.ExitCode})");
            }
        }
        catch (InvalidOperationException)
        {
            // Not started or already disposed: nothing to add.
        }

        lock (stderrTail)
        {
            var last = stderrTail.Where(l => !string.IsNullOrWhiteSpace(l)).TakeLast(3).ToArray();
            if (last.Length > 0)
            {
                text.Append(": ").Append(string.Join(" | ", last.Select(l => l.Trim())));
            }
        }

        return text.ToString();
    }

    private static JsonObject? TryParse(string line)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
