namespace UniCode.Notebooks.Execution;

/// <summary>
/// Sets the process-wide settings a notebook run expects (current directory, one environment
/// variable) and puts the previous values back on dispose.
/// </summary>
internal sealed class ProcessSettings : IDisposable
{
    private readonly string? _previousDirectory;
    private readonly string _variable;
    private readonly string? _previousValue;
    private readonly bool _setVariable;

    /// <param name="directory">The current directory for the run.</param>
    /// <param name="variable">The environment variable to set.</param>
    /// <param name="value">Its value for the run; <c>null</c> leaves the variable alone.</param>
    public ProcessSettings(string directory, string variable, string? value)
    {
        _variable = variable;
        _previousValue = Environment.GetEnvironmentVariable(variable);
        _setVariable = value is not null;
        _previousDirectory = CurrentDirectoryOrNull();
        Environment.CurrentDirectory = directory;
        if (_setVariable)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }
    }

    public void Dispose()
    {
        if (_setVariable)
        {
            Environment.SetEnvironmentVariable(_variable, _previousValue);
        }

        if (_previousDirectory is null)
        {
            return;
        }

        try
        {
            Environment.CurrentDirectory = _previousDirectory;
        }
        catch (IOException)
        {
            // The previous folder was deleted during the run; there is nothing to go back to.
        }
    }

    private static string? CurrentDirectoryOrNull()
    {
        try
        {
            return Environment.CurrentDirectory;
        }
        catch (IOException)
        {
            // The process's folder no longer exists.
            return null;
        }
    }
}
