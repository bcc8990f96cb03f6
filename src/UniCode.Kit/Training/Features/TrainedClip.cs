using UniCode.Kit.Configuration;
using UniCode.Kit.Evaluation.Alignment;

namespace UniCode.Kit.Training.Features;

/// <summary>A TinyClip from <see cref="ClipNets.LoadOrTrain"/> and the cached artifact it was loaded from.</summary>
public sealed class TrainedClip : IDisposable
{
    /// <summary>Wraps a loaded model (taking ownership).</summary>
    /// <param name="model">The model, in eval mode.</param>
    /// <param name="artifact">Its artifact.</param>
    public TrainedClip(TinyClip model, CachedArtifact artifact)
    {
        Model = model;
        Artifact = artifact;
    }

    /// <summary>The model, in eval mode.</summary>
    public TinyClip Model { get; }

    /// <summary>The artifact; <see cref="CachedArtifact.Reused"/> says whether the cache held it.</summary>
    public CachedArtifact Artifact { get; }

    /// <summary>Frees the model.</summary>
    public void Dispose() => Model.Dispose();
}
