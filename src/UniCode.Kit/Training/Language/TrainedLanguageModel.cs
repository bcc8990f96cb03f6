using System.Globalization;
using System.Text.Json;
using UniCode.Kit.Language;
using UniCode.Kit.Text;
using UniCode.Torch;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Training.Language;

/// <summary>A pre-trained language model with its tokenizer and the figures of its training (owns the model).</summary>
public sealed class TrainedLanguageModel : IDisposable
{
    private TrainedLanguageModel(
        LanguageModelRecipe recipe, Transformer model, BpeTokenizer tokenizer, string path, bool reused, double perplexity, double seconds,
        IReadOnlyList<LanguageModelStepRecord> history)
    {
        Recipe = recipe;
        Model = model;
        Tokenizer = tokenizer;
        Path = path;
        Reused = reused;
        Perplexity = perplexity;
        TrainingSeconds = seconds;
        History = history;
    }

    /// <summary>The recipe it was trained from.</summary>
    public LanguageModelRecipe Recipe { get; }

    /// <summary>The model (in evaluation mode).</summary>
    public Transformer Model { get; }

    /// <summary>Its text tokenizer.</summary>
    public BpeTokenizer Tokenizer { get; }

    /// <summary>The weights file (<see cref="LanguageModelRecipe.FileName"/>): the <c>--lm</c> of the tokenizers.</summary>
    public string Path { get; }

    /// <summary>Whether it came from the cache.</summary>
    public bool Reused { get; }

    /// <summary>The held-out perplexity at the end of training.</summary>
    public double Perplexity { get; }

    /// <summary>The wall time of the training steps.</summary>
    public double TrainingSeconds { get; }

    /// <summary>Every training step's record.</summary>
    public IReadOnlyList<LanguageModelStepRecord> History { get; }

    /// <summary>Opens a published model.</summary>
    /// <param name="recipe">Its recipe (gives the shape).</param>
    /// <param name="tokenizer">Its text tokenizer.</param>
    /// <param name="path">Its <see cref="LanguageModelRecipe.FileName"/>.</param>
    /// <param name="reused">Whether it came from the cache.</param>
    public static TrainedLanguageModel Open(LanguageModelRecipe recipe, BpeTokenizer tokenizer, string path, bool reused)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(tokenizer);
        var model = new Transformer(recipe.Model);
        try
        {
            using var scope = new DisposeScope();
            var tensors = SafeTensors.Load(path, out var metadata);
            model.LoadStateDict(tensors, strict: true, source: path);
            model.Eval();
            double Number(string key) => double.Parse(metadata.GetValueOrDefault(key, "NaN"), CultureInfo.InvariantCulture);
            var history = JsonSerializer.Deserialize<List<LanguageModelStepRecord>>(metadata.GetValueOrDefault("history", "[]")) ?? [];
            return new TrainedLanguageModel(recipe, model, tokenizer, path, reused, Number("perplexity"), Number("training_seconds"), history);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Frees the model.</summary>
    public void Dispose() => Model.Dispose();
}
