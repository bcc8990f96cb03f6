namespace UniCode.Kit.Data.Datasets;

/// <summary>
/// Thrown when an embedded dataset's files are not where the loader looks: the message names the missing
/// path and the Debian package (and the data-scripts command) that installs them.
/// </summary>
public sealed class DatasetNotInstalledException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="dataset">The dataset's catalog name (e.g. "fashion-mnist").</param>
    /// <param name="missingPath">The file or folder that was not found.</param>
    /// <param name="aptPackage">The Debian package that provides the dataset.</param>
    public DatasetNotInstalledException(string dataset, string missingPath, string aptPackage)
        : base($"dataset '{dataset}' is not installed: '{missingPath}' was not found. " +
               $"It comes from the Debian package '{aptPackage}': run `sudo apt-get install -y {aptPackage}` " +
               "(or data-scripts/install-debian-data.sh, which installs every dataset package).")
    {
        Dataset = dataset;
        MissingPath = missingPath;
        AptPackage = aptPackage;
    }

    /// <summary>The dataset's catalog name.</summary>
    public string Dataset { get; }

    /// <summary>The file or folder that was not found.</summary>
    public string MissingPath { get; }

    /// <summary>The Debian package that provides the dataset.</summary>
    public string AptPackage { get; }
}
