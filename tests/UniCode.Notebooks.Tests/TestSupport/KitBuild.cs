namespace UniCode.Notebooks.Tests.TestSupport;

/// <summary>Where the built kit is, for the notebooks tests write (the same net9.0 output the kit's notebooks reference).</summary>
internal static class KitBuild
{
    /// <summary>The repository root (the folder holding UniCode.Kit.sln), found from the test assembly's location.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The folder of the built UniCode.Kit.dll and UniCode.Torch.dll.</summary>
    public static string Folder
    {
        get
        {
            var configuration = Path.GetFileName(Path.GetDirectoryName(typeof(KitBuild).Assembly.Location))!; // release or debug
            var folder = Path.Combine(Root, "artifacts", "bin", "UniCode.Kit", configuration + "_net9.0");
            Assert.True(File.Exists(Path.Combine(folder, "UniCode.Kit.dll")), $"UniCode.Kit is not built in {folder}");
            return folder;
        }
    }

    /// <summary>The first cell of a kit notebook: references to the built kit and its usings.</summary>
    public static string ReferenceCell => $"#r \"{Path.Combine(Folder, "UniCode.Torch.dll")}\"\n#r \"{Path.Combine(Folder, "UniCode.Kit.dll")}\"\n"
        + "using UniCode.Torch;\nusing UniCode.Kit.Data;\nusing UniCode.Kit.Data.Datasets;\nusing UniCode.Kit.Reporting.Images;\nusing UniCode.Kit.Reporting.Plotly;\nusing UniCode.Kit.Reporting.Tables;";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UniCode.Kit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no UniCode.Kit.sln above {AppContext.BaseDirectory}");
    }
}
