using System.Globalization;
using System.Text.Json;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Reporting.Formatting;
using UniCode.Kit.Training.Language;
using UniCode.Kit.Training.Tokenizers;
using UniCode.Torch;
using UniCode.Torch.Display;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Training.Multimodal;

/// <summary>A tuned MLLM with the parts it was built from and the figures of its training (owns them all).</summary>
/// <param name="Recipe">What made it.</param>
/// <param name="Model">The MLLM (its tokenizer is <paramref name="Tokenizer"/>'s).</param>
/// <param name="Language">The pre-trained LM it started from.</param>
/// <param name="Tokenizer">The frozen visual tokenizer.</param>
/// <param name="Folder">The artifact's folder.</param>
/// <param name="Reused">Whether Stage II came from the cache.</param>
/// <param name="TuningSeconds">The wall time of Stage II (of the run that made it, when reused).</param>
/// <param name="History">Every Stage II step.</param>
[TypeFormatterSource(typeof(KitFormatterSource))]
public sealed record TrainedMllm(
    MllmRecipe Recipe,
    Mllm Model,
    TrainedLanguageModel Language,
    TrainedTokenizer Tokenizer,
    string Folder,
    bool Reused,
    double TuningSeconds,
    IReadOnlyList<InstructionStepRecord> History) : IDisposable, IDisplayable
{
    /// <inheritdoc/>
    public string ToHtml() => HtmlSummary.Table(Recipe.ToString(), [
        ("language model", $"{Language.Recipe.Model.Style} {Language.Recipe.Model.Layers}x{Language.Recipe.Model.Dim}, V = {Language.Recipe.Model.VocabSize}, held-out perplexity {Language.Perplexity.ToString("F2", CultureInfo.InvariantCulture)}"),
        ("tokenizer", Tokenizer.ToString()),
        ("cos(C, C_L) at the end", Tokenizer.Alignments.Count > 0 ? Tokenizer.Alignments[^1].MeanCosine.ToString("F4", CultureInfo.InvariantCulture) : "-"),
        (Recipe.StageOne is null ? "tokenizer training" : "stage I", $"{Tokenizer.TrainingSeconds.ToString("F0", CultureInfo.InvariantCulture)} s"),
        ("stage II", $"{History.Count} steps, final loss {(History.Count > 0 ? History[^1].Loss.ToString("F3", CultureInfo.InvariantCulture) : "-")}, {TuningSeconds.ToString("F0", CultureInfo.InvariantCulture)} s" + (Reused ? " (cached artifact reused)" : string.Empty)),
        ("trainable in stage II", Recipe.Tuning.Lora is { } lora ? $"LoRA rank {lora.Rank}" : "all LM weights"),
    ]);

    /// <inheritdoc/>
    public override string ToString() => $"{Recipe}" + (Reused ? " (reused)" : string.Empty);

    /// <summary>Writes a tuned model's weights with its history and wall time.</summary>
    /// <param name="path">The .safetensors file.</param>
    /// <param name="model">The tuned model.</param>
    /// <param name="history">Its Stage II steps.</param>
    /// <param name="seconds">The wall time of Stage II.</param>
    public static void Publish(string path, Mllm model, IReadOnlyList<InstructionStepRecord> history, double seconds)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = new DisposeScope();
        SafeTensors.Save(path, model.StateDict(), new Dictionary<string, string>
        {
            ["history"] = JsonSerializer.Serialize(history),
            ["tuning_seconds"] = seconds.ToString("R", CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Loads published weights into a model built by the same recipe.</summary>
    /// <param name="path">The .safetensors file.</param>
    /// <param name="model">The model (built by <see cref="MllmRecipe.Build"/>).</param>
    /// <returns>The Stage II history and wall time.</returns>
    public static (IReadOnlyList<InstructionStepRecord> History, double Seconds) Read(string path, Mllm model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = new DisposeScope();
        var tensors = SafeTensors.Load(path, out var metadata);
        model.LoadStateDict(tensors, strict: true, source: path);
        model.Eval();
        var history = JsonSerializer.Deserialize<List<InstructionStepRecord>>(metadata.GetValueOrDefault("history", "[]")) ?? [];
        return (history, double.Parse(metadata.GetValueOrDefault("tuning_seconds", "NaN"), CultureInfo.InvariantCulture));
    }

    /// <summary>Frees the model, the LM and the tokenizer.</summary>
    public void Dispose()
    {
        Model.Dispose();
        Tokenizer.Dispose();
        Language.Dispose();
    }
}
