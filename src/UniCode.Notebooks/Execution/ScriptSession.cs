using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;
using UniCode.Notebooks.Model;
using UniCode.Notebooks.Rendering;
using UniCode.Notebooks.Scripting;

namespace UniCode.Notebooks.Execution;

/// <summary>
/// One notebook's C# kernel: each cell is a Roslyn script submission continuing the state of the
/// last successful one, so variables, usings, types and <c>#r</c> references carry over as in
/// .NET Interactive. A failed cell leaves that state untouched.
/// </summary>
internal sealed class ScriptSession : IDisposable
{
    private static readonly CSharpParseOptions ScriptParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    private readonly string _notebookPath;
    private readonly ScriptOptions _options;
    private readonly InteractiveAssemblyLoader _loader = new();
    private readonly NotebookGlobals _globals = new();
    private ScriptState<object>? _state;

    public ScriptSession(string notebookPath)
    {
        _notebookPath = notebookPath;
        _options = ScriptOptionsFactory.Create(notebookPath);
    }

    /// <summary>Compiles and runs one cell's code, with console output captured into the cell's outputs.</summary>
    /// <param name="code">The C# source.</param>
    /// <param name="executionCount">The count shown on the cell and its execute result.</param>
    /// <param name="timeout">How long the cell may run (compilation excluded), or <c>null</c> for no limit.</param>
    /// <param name="cancellationToken">Cancels the run; the exception propagates.</param>
    public async Task<CellOutcome> RunCellAsync(string code, int executionCount, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        Script<object> script;
        try
        {
            script = _state is null
                ? CSharpScript.Create(code, _options, typeof(NotebookGlobals), _loader)
                : _state.Script.ContinueWith(code, _options);
            var diagnostics = script.Compile(cancellationToken);
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return CellOutcome.Failed(CellErrors.FromDiagnostics(diagnostics, _notebookPath));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The compiler reports user errors as diagnostics; anything thrown is still this cell's failure.
            return CellOutcome.Failed(CellErrors.FromException(e));
        }

        var collector = new CellOutputCollector();
        ErrorOutput? error;
        var timedOut = false;
        using (new ConsoleRedirection(collector))
        {
            _globals.CurrentCell = collector;
            try
            {
                // A thread of its own, so that a cell that never yields cannot block the timeout.
                var work = Task.Run(() => ExecuteAsync(script, code, executionCount, collector, cancellationToken), CancellationToken.None);
                if (timeout is { } limit)
                {
                    using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    var first = await Task.WhenAny(work, Task.Delay(limit, timer.Token)).ConfigureAwait(false);
                    await timer.CancelAsync().ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                    timedOut = first != work;
                    error = timedOut ? CellErrors.Timeout(limit) : await work.ConfigureAwait(false);
                }
                else
                {
                    error = await work.WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                if (error is not null)
                {
                    collector.Add(error);
                }
            }
            finally
            {
                _globals.CurrentCell = null;
            }

            return new CellOutcome(collector.Close(), error, timedOut);
        }
    }

    public void Dispose() => _loader.Dispose();

    private async Task<ErrorOutput?> ExecuteAsync(
        Script<object> script, string code, int executionCount, CellOutputCollector collector, CancellationToken cancellationToken)
    {
        try
        {
            var state = _state is null
                ? await script.RunAsync(_globals, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await script.RunFromAsync(_state, cancellationToken: cancellationToken).ConfigureAwait(false);

            if (state.ReturnValue is { } value and not DisplayedValue && EndsWithExpression(code))
            {
                collector.Add(new ExecuteResultOutput(executionCount, DisplayRenderer.Render(value)));
            }

            _state = state;
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return CellErrors.FromException(e);
        }
    }

    /// <summary>Whether the cell's last statement is an expression without a semicolon, the form whose value a notebook shows.</summary>
    private static bool EndsWithExpression(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, ScriptParseOptions).GetCompilationUnitRoot();
        return root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            && statement.SemicolonToken.IsMissing;
    }
}
