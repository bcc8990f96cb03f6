using UniCode.Kit.Configuration;

namespace UniCode.Kit.Tests.Architecture;

/// <summary>
/// DESIGN's arrows, checked on the compiled UniCode.Kit assembly: Cli/Notebooks -> Experiments -> Training ->
/// Multimodal -> Vision, Language -> Data, Text -> Torch, with Configuration, Reporting and Processes beside the
/// models rather than above them.
/// </summary>
public sealed class LayeringTests
{
    private static readonly string[] ModelCode = ["Vision", "Language", "Multimodal", "Training", "Evaluation", "Experiments"];

    private static readonly Lazy<IReadOnlyList<TypeDependency>> KitDependencies =
        new(() => DependencyReader.Read(typeof(Profile).Assembly.Location, LayerRule.Root));

    public static TheoryData<string> RuleNames() => [.. Rules.Select(r => r.Name)];

    internal static IReadOnlyList<LayerRule> Rules { get; } =
    [
        new("Data and Text use no model code", ["Data", "Text"], ModelCode, []),
        new("Vision does not use Language", ["Vision"], ["Language"], []),
        new("Language uses only Torch, Text, Configuration and Data", ["Language"], ["Vision", "Multimodal", "Training", "Evaluation", "Reporting", "Processes"], []),
        new("nothing uses Experiments but Experiments", [], ["Experiments"], ["Experiments"]),
        new("Configuration, Reporting and Processes use no model code", ["Configuration", "Reporting", "Processes"], ModelCode, []),
    ];

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void The_Kit_Keeps_The_Rule(string name)
    {
        var rule = Rules.Single(r => r.Name == name);
        var violations = rule.Violations(KitDependencies.Value);
        Assert.True(violations.Count == 0, $"'{rule.Name}' is broken by:\n{string.Join('\n', violations.Take(40))}");
    }

    [Fact]
    public void Only_Processes_Starts_Processes()
    {
        string[] processTypes = ["System.Diagnostics.Process", "System.Diagnostics.ProcessStartInfo"];
        var elsewhere = KitDependencies.Value
            .Where(d => processTypes.Contains(d.To) && LayerRule.FolderOf(d.FromNamespace) != "Processes")
            .Select(d => d.ToString())
            .ToList();
        Assert.True(elsewhere.Count == 0, $"run programs through UniCode.Kit.Processes.ExternalProcess, not:\n{string.Join('\n', elsewhere)}");
        Assert.Contains(KitDependencies.Value, d => d.From == "UniCode.Kit.Processes.ExternalProcess" && d.To == "System.Diagnostics.Process");
    }

    [Fact]
    public void The_Reader_Sees_Dependencies_In_Signatures_Base_Types_And_Method_Bodies()
    {
        var edges = KitDependencies.Value.Select(d => d.ToString()).ToHashSet(StringComparer.Ordinal);
        // An interface implemented (base types and interfaces).
        Assert.Contains("UniCode.Kit.Data.Datasets.FashionMnist -> UniCode.Kit.Data.IImageDataset", edges);
        // A parameter type (signatures).
        Assert.Contains("UniCode.Kit.Data.Batching.BatchSampler -> UniCode.Kit.Data.Batching.BatchOptions", edges);
        // A call inside a method body only (IL): the catalog runs apt-get through ExternalProcess.
        Assert.Contains("UniCode.Kit.Data.Datasets.DatasetCatalog -> UniCode.Kit.Processes.ExternalProcess", edges);
        // A type outside the kit, used in a lambda (compiler-generated nested types count as their outer type).
        Assert.Contains(KitDependencies.Value, d => d.From == "UniCode.Kit.Data.Datasets.DatasetCatalog" && d.ToNamespace == "System.Linq");
    }

    [Fact]
    public void A_Rule_That_A_Known_Dependency_Breaks_Fails_Naming_It()
    {
        // The LLaVA exporter tokenizes nothing but writes dialogues with Text's types: "Data does not use Text" is false.
        var rule = new LayerRule("Data does not use Text (not a real rule)", ["Data"], ["Text"], []);
        var violations = rule.Violations(KitDependencies.Value);
        Assert.Contains(violations, v => v.From == "UniCode.Kit.Data.Llava.LlavaExporter" && v.ToNamespace == "UniCode.Kit.Text");

        // And one that only IL shows: Datasets' catalog calls into Processes from a method body.
        var processes = new LayerRule("Data does not run processes (not a real rule)", ["Data"], ["Processes"], []);
        Assert.Contains(processes.Violations(KitDependencies.Value), v => v.From == "UniCode.Kit.Data.Datasets.DatasetCatalog");
    }

    [Fact]
    public void Rules_Cover_Folders_That_Do_Not_Exist_Yet()
    {
        var future = new[]
        {
            new TypeDependency("UniCode.Kit.Vision.VqGan", "UniCode.Kit.Vision", "UniCode.Kit.Language.Transformer", "UniCode.Kit.Language"),
            new TypeDependency("UniCode.Kit.Data.Shapes.X", "UniCode.Kit.Data.Shapes", "UniCode.Kit.Training.StageOne", "UniCode.Kit.Training"),
            new TypeDependency("UniCode.Kit.Training.StageOne", "UniCode.Kit.Training", "UniCode.Kit.Experiments.Table1", "UniCode.Kit.Experiments"),
            new TypeDependency("UniCode.Kit.Experiments.Table1", "UniCode.Kit.Experiments", "UniCode.Kit.Experiments.Table2", "UniCode.Kit.Experiments"),
            new TypeDependency("UniCode.Kit.Multimodal.Unified", "UniCode.Kit.Multimodal", "UniCode.Kit.Vision.VqGan", "UniCode.Kit.Vision"),
            new TypeDependency("UniCode.Kit.Language.Transformer", "UniCode.Kit.Language", "UniCode.Kit.Training.StageOne", "UniCode.Kit.Training"),
            new TypeDependency("UniCode.Kit.Language.Transformer", "UniCode.Kit.Language", "UniCode.Kit.Text.ChatExample", "UniCode.Kit.Text"),
        };
        var broken = Rules.SelectMany(r => r.Violations(future).Select(v => (r.Name, v.From))).ToList();
        Assert.Equal(
            [
                ("Data and Text use no model code", "UniCode.Kit.Data.Shapes.X"),
                ("Vision does not use Language", "UniCode.Kit.Vision.VqGan"),
                ("Language uses only Torch, Text, Configuration and Data", "UniCode.Kit.Language.Transformer"),
                ("nothing uses Experiments but Experiments", "UniCode.Kit.Training.StageOne"),
            ],
            broken);
    }
}
