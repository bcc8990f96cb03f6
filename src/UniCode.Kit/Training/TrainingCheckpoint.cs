using System.Globalization;
using UniCode.Torch;
using UniCode.Torch.NN;
using UniCode.Torch.Optim;
using UniCode.Torch.Serialization;

namespace UniCode.Kit.Training;

/// <summary>
/// The checkpoint layout of a model trained by one optimizer: <c>model.*</c> (the state dict), <c>optimizer.*</c>,
/// <c>rng.default</c>, and metadata holding the steps done, the step history (JSON) and a description of the model's
/// shape, which a resume must match. Written atomically by <see cref="SafeTensors.Save"/>.
/// </summary>
public static class TrainingCheckpoint
{
    private const string ModelPrefix = "model.";
    private const string OptimizerPrefix = "optimizer.";

    /// <summary>Writes a checkpoint.</summary>
    /// <param name="path">The .safetensors file.</param>
    /// <param name="model">The trained module.</param>
    /// <param name="optimizer">Its optimizer.</param>
    /// <param name="stepsDone">Steps done.</param>
    /// <param name="history">The step history, serialised.</param>
    /// <param name="shape">What the model is (compared on load).</param>
    public static void Save(string path, Module model, Optimizer optimizer, int stepsDone, string history, string shape)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        using var scope = new DisposeScope();
        var tensors = model.StateDict().ToDictionary(t => ModelPrefix + t.Key, t => t.Value);
        var (optimizerTensors, optimizerSettings) = optimizer.StateDict();
        foreach (var (name, tensor) in optimizerTensors)
        {
            tensors[OptimizerPrefix + name] = tensor;
        }

        tensors["rng.default"] = LibTorch.GetRngState();
        var metadata = optimizerSettings.ToDictionary(s => OptimizerPrefix + s.Key, s => s.Value);
        metadata["steps_done"] = stepsDone.ToString(CultureInfo.InvariantCulture);
        metadata["history"] = history;
        metadata["model"] = shape;
        SafeTensors.Save(path, tensors, metadata);
    }

    /// <summary>Restores a checkpoint into <paramref name="model"/> and <paramref name="optimizer"/>, and the global
    /// random state.</summary>
    /// <param name="path">The .safetensors file.</param>
    /// <param name="model">The module, built with the same shape.</param>
    /// <param name="optimizer">Its optimizer.</param>
    /// <param name="shape">What the model is; a checkpoint of another shape is refused.</param>
    /// <param name="what">What the checkpoint should be of (for the error message).</param>
    /// <returns>The steps done and the serialised history.</returns>
    /// <exception cref="InvalidDataException">The file is a checkpoint of another model.</exception>
    public static (int StepsDone, string History) Load(string path, Module model, Optimizer optimizer, string shape, string what)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        using var scope = new DisposeScope();
        var tensors = SafeTensors.Load(path, out var metadata);
        if (!metadata.TryGetValue("model", out var saved) || saved != shape)
        {
            throw new InvalidDataException($"'{path}' is not a checkpoint of this {what}; it holds {metadata.GetValueOrDefault("model", "no model description")}");
        }

        Dictionary<string, Tensor> Section(string prefix) =>
            tensors.Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(t => t.Key[prefix.Length..], t => t.Value);

        model.LoadStateDict(Section(ModelPrefix), strict: true, source: path);
        var settings = metadata.Where(m => m.Key.StartsWith(OptimizerPrefix, StringComparison.Ordinal)).ToDictionary(m => m.Key[OptimizerPrefix.Length..], m => m.Value);
        optimizer.LoadStateDict(Section(OptimizerPrefix), settings, path);
        LibTorch.SetRngState(tensors["rng.default"]);
        return (int.Parse(metadata["steps_done"], CultureInfo.InvariantCulture), metadata["history"]);
    }
}
