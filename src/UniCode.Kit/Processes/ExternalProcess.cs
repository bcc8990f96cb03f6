using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace UniCode.Kit.Processes;

/// <summary>
/// The kit's one way to run another program (apt-get, Chromium, ...): arguments passed as a list (never through a
/// shell), stdin closed, stdout and stderr read concurrently as they arrive (so a chatty program cannot fill a pipe
/// and deadlock), a wall-clock timeout that kills the whole process tree, and an error naming the program when it is
/// not installed.
/// </summary>
public static class ExternalProcess
{
    // After the process exits, how long its pipes may stay open: a grandchild that outlived it can hold them.
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="program"/> to completion.</summary>
    /// <param name="program">A program name looked up on PATH, or a path to an executable.</param>
    /// <param name="arguments">Its arguments, each passed as one argument (no quoting needed).</param>
    /// <param name="options">Timeout, environment, working folder, install hint; the defaults when null.</param>
    /// <returns>The exit code and output; a non-zero exit code is not an error here (callers decide what it means).</returns>
    /// <exception cref="ProgramNotFoundException">The program is not installed or cannot be executed (the message names it).</exception>
    /// <exception cref="TimeoutException">It ran longer than <see cref="ExternalProcessOptions.Timeout"/>; it and its children were killed.</exception>
    public static ProcessResult Run(string program, IEnumerable<string> arguments, ExternalProcessOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(program);
        ArgumentNullException.ThrowIfNull(arguments);
        options ??= new ExternalProcessOptions();
        options.Validate();
        var argumentList = arguments.ToArray();
        var commandLine = string.Join(' ', argumentList.Prepend(program));
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? string.Empty,
        };
        foreach (var argument in argumentList)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var capture = new Capture();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => capture.Add(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => capture.Add(e.Data, error: true);
        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            var hint = options.InstallHint is null ? string.Empty : $" Install it with `{options.InstallHint}`.";
            throw new ProgramNotFoundException(program, $"could not start '{program}': {e.Message}. Is it installed and on PATH?{hint}", e);
        }

        // Nothing is ever typed into the program: a prompt for input fails at once instead of waiting forever.
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It exited already: its stdin is gone, which is all that closing was for.
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(options.Timeout))
        {
            KillTree(process);
            throw new TimeoutException($"'{program}' did not finish within {options.Timeout.TotalSeconds:0.#} s and was stopped with its child processes ({commandLine}). Its output so far:\n{capture.Tail()}");
        }

        // WaitForExit with a timeout does not wait for the redirected streams: wait (bounded) for both to close.
        capture.WaitForEnd(DrainLimit);
        clock.Stop();
        return capture.Result(commandLine, process.ExitCode, clock.Elapsed);
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(DrainLimit);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill: nothing is left to stop.
        }
    }

    // The lines of both streams as they arrive; the callbacks run on thread-pool threads, so every access locks.
    private sealed class Capture
    {
        private readonly Lock gate = new();
        private readonly StringBuilder output = new();
        private readonly StringBuilder error = new();
        private readonly StringBuilder both = new();
        private readonly TaskCompletionSource outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add(string? line, bool error)
        {
            if (line is null)
            {
                // A null line means the stream has ended.
                (error ? errorClosed : outputClosed).TrySetResult();
                return;
            }

            lock (gate)
            {
                (error ? this.error : output).Append(line).Append('\n');
                both.Append(line).Append('\n');
            }
        }

        public void WaitForEnd(TimeSpan limit) => Task.WaitAll([outputClosed.Task, errorClosed.Task], limit);

        public string Tail()
        {
            lock (gate)
            {
                var text = both.ToString();
                return text.Length <= 4000 ? text : "..." + text[^4000..];
            }
        }

        public ProcessResult Result(string commandLine, int exitCode, TimeSpan elapsed)
        {
            lock (gate)
            {
                return new ProcessResult(commandLine, exitCode, output.ToString(), error.ToString(), both.ToString(), elapsed);
            }
        }
    }
}
