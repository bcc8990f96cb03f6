namespace UniCode.Notebooks.Tests.TestSupport;

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => FullPath = Directory.CreateTempSubdirectory("unicode-notebooks-").FullName;

    public string FullPath { get; }

    public string PathOf(params string[] parts) => Path.Combine([FullPath, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(FullPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test for it would hide the real result.
        }
    }
}
