using System.Text.Json;
using UniCode.Kit.Vision.Tokenizers;
using UniCode.Torch;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Vision;

/// <summary>
/// A tokenizer on disk: a safetensors file whose tensors are the module's state under <c>model.</c> and whose
/// metadata holds the options that rebuild it (<c>tokenizer_kind</c>, <c>tokenizer_options</c>). The trainer's
/// checkpoints have the same layout, so either can be loaded here.
/// </summary>
public static class TokenizerFile
{
    /// <summary>The prefix of the module's tensors.</summary>
    public const string ModelPrefix = "model.";

    private const string KindKey = "tokenizer_kind";
    private const string OptionsKey = "tokenizer_options";

    /// <summary>The metadata entries that describe <paramref name="tokenizer"/>.</summary>
    /// <param name="tokenizer">The tokenizer.</param>
    public static Dictionary<string, string> Metadata(VisualTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        return new Dictionary<string, string>
        {
            [KindKey] = tokenizer.Kind.ToString(),
            [OptionsKey] = JsonSerializer.Serialize(tokenizer.TokenizerOptions, tokenizer.TokenizerOptions.GetType()),
        };
    }

    /// <summary>Writes the tokenizer (atomically).</summary>
    /// <param name="tokenizer">The tokenizer.</param>
    /// <param name="path">A .safetensors file.</param>
    /// <param name="metadata">More metadata to keep (e.g. how it was trained).</param>
    public static void Save(VisualTokenizer tokenizer, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        using var scope = new DisposeScope();
        var tensors = tokenizer.StateDict().ToDictionary(p => ModelPrefix + p.Key, p => p.Value);
        var all = Metadata(tokenizer);
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            all.TryAdd(key, value);
        }

        SafeTensors.Save(path, tensors, all);
    }

    /// <summary>Rebuilds a tokenizer from a file written by <see cref="Save"/> or a trainer checkpoint.</summary>
    /// <param name="path">The .safetensors file.</param>
    /// <param name="metadata">The file's metadata.</param>
    /// <exception cref="InvalidDataException">The file does not describe a tokenizer; the message names it.</exception>
    public static VisualTokenizer Load(string path, out Dictionary<string, string> metadata)
    {
        using var scope = new DisposeScope();
        var tensors = SafeTensors.Load(path, out metadata);
        if (!metadata.TryGetValue(KindKey, out var kindName) || !Enum.TryParse<TokenizerKind>(kindName, out var kind) ||
            !metadata.TryGetValue(OptionsKey, out var json))
        {
            throw new InvalidDataException($"'{path}' is not a tokenizer file: its metadata has no {KindKey} and {OptionsKey}");
        }

        ITokenizerOptions options;
        try
        {
            options = kind switch
            {
                TokenizerKind.VqGan => (ITokenizerOptions?)JsonSerializer.Deserialize<VqGanOptions>(json),
                TokenizerKind.RqVae => JsonSerializer.Deserialize<RqVaeOptions>(json),
                _ => JsonSerializer.Deserialize<HqVaeOptions>(json),
            } ?? throw new InvalidDataException($"'{path}': {OptionsKey} is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}': {OptionsKey} is not valid {kind} options: {e.Message}", e);
        }

        var tokenizer = VisualTokenizers.Create(options);
        try
        {
            var state = tensors.Where(t => t.Key.StartsWith(ModelPrefix, StringComparison.Ordinal)).ToDictionary(t => t.Key[ModelPrefix.Length..], t => t.Value);
            tokenizer.LoadStateDict(state, strict: true, source: path);
        }
        catch
        {
            tokenizer.Dispose();
            throw;
        }

        return tokenizer;
    }

    /// <summary>Rebuilds a tokenizer from a file written by <see cref="Save"/> or a trainer checkpoint.</summary>
    /// <param name="path">The .safetensors file.</param>
    public static VisualTokenizer Load(string path) => Load(path, out _);
}
