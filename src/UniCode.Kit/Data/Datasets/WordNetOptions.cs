using UniCode.Kit.Configuration;
using UniCode.Torch;

namespace UniCode.Kit.Data.Datasets;

/// <summary>Options of <see cref="WordNetGlosses.Load"/>.</summary>
public sealed record WordNetOptions : IOptions
{
    /// <summary>The folder with data.noun, data.verb, data.adj and data.adv (default: Debian's wordnet-base location).</summary>
    public string Root { get; init; } = DataRoots.DefaultWordNet;

    /// <summary>The data files to read, by suffix: any of "noun", "verb", "adj", "adv" (default all four, in that order).</summary>
    public IReadOnlyList<string> Files { get; init; } = ["noun", "verb", "adj", "adv"];

    /// <summary>Prefix each text with the synset's first word ("entity: that which is perceived ...").</summary>
    public bool IncludeHeadword { get; init; }

    /// <inheritdoc/>
    public void Validate()
    {
        OptionRules.NotBlank(Root, nameof(Root));
        if (Files is null || Files.Count == 0)
        {
            throw new ArgumentException($"{nameof(Files)} must name at least one of {string.Join(", ", WordNetGlosses.KnownFiles)}", nameof(Files));
        }

        foreach (var suffix in Files)
        {
            if (!WordNetGlosses.KnownFiles.Contains(suffix))
            {
                throw new ArgumentOutOfRangeException(nameof(Files), suffix, $"{nameof(Files)} takes {string.Join(", ", WordNetGlosses.KnownFiles)}, not '{suffix}'");
            }
        }
    }
}
