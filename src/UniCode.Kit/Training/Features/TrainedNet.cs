using UniCode.Kit.Configuration;
using UniCode.Torch.NN;

namespace UniCode.Kit.Training.Features;

/// <summary>A net loaded by one of the kit's cached trainers (<see cref="ClipNets"/>, <see cref="ShapesAttributeNets"/>)
/// and the artifact it was loaded from.</summary>
/// <typeparam name="TNet">The net's type.</typeparam>
public sealed class TrainedNet<TNet> : IDisposable
    where TNet : Module
{
    /// <summary>Wraps a loaded net (taking ownership).</summary>
    /// <param name="net">The net, in eval mode.</param>
    /// <param name="artifact">Its artifact.</param>
    public TrainedNet(TNet net, CachedArtifact artifact)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(artifact);
        Net = net;
        Artifact = artifact;
    }

    /// <summary>The net, in eval mode.</summary>
    public TNet Net { get; }

    /// <summary>The artifact; <see cref="CachedArtifact.Reused"/> says whether the cache held it.</summary>
    public CachedArtifact Artifact { get; }

    /// <summary>Frees the net.</summary>
    public void Dispose() => Net.Dispose();
}
