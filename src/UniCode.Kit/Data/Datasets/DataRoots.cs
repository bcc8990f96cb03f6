using UniCode.Kit.Configuration;
using UniCode.Torch;

namespace UniCode.Kit.Data.Datasets;

/// <summary>
/// Where the embedded datasets' files live. The defaults are the Debian packages' install locations;
/// every loader takes its root as an option, so tests and users with copies elsewhere can point it anywhere.
/// </summary>
public sealed record DataRoots : IOptions
{
    /// <summary>The Debian location of Fashion-MNIST (package dataset-fashion-mnist).</summary>
    public const string DefaultFashionMnist = "/usr/share/datasets/fashion-mnist";

    /// <summary>The Debian location of WordNet's database (package wordnet-base).</summary>
    public const string DefaultWordNet = "/usr/share/wordnet";

    /// <summary>The roots every loader uses unless told otherwise.</summary>
    public static DataRoots Default { get; } = new();

    /// <summary>The folder with the four gzipped IDX files of Fashion-MNIST.</summary>
    public string FashionMnist { get; init; } = DefaultFashionMnist;

    /// <summary>The gemojione gem folder (with config/index.json and assets/png/); null finds the installed gem.</summary>
    public string? Emoji { get; init; }

    /// <summary>The folder with WordNet's data.noun, data.verb, data.adj and data.adv.</summary>
    public string WordNet { get; init; } = DefaultWordNet;

    /// <inheritdoc/>
    public void Validate()
    {
        OptionRules.NotBlank(FashionMnist, nameof(FashionMnist));
        OptionRules.NullOrNotBlank(Emoji, nameof(Emoji));
        OptionRules.NotBlank(WordNet, nameof(WordNet));
    }
}
