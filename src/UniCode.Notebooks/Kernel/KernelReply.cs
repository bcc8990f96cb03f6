using System.Text.Json.Nodes;

namespace UniCode.Notebooks.Kernel;

/// <summary>How a submission ended.</summary>
internal enum KernelReplyStatus
{
    /// <summary>The kernel reported <c>CommandSucceeded</c>.</summary>
    Succeeded,

    /// <summary>The kernel reported <c>CommandFailed</c>.</summary>
    Failed,

    /// <summary>The cell ran past the cell timeout; the kernel was stopped.</summary>
    TimedOut,

    /// <summary>The kernel process ended before it answered (e.g. the cell called Environment.Exit).</summary>
    KernelExited,
}

/// <summary>What the kernel sent for one submitted cell: its events in order and how the submission ended.</summary>
/// <param name="Events">The event envelopes of the submission and of the commands it started.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">The failure message (CommandFailed's, or why the kernel stopped); null on success.</param>
internal sealed record KernelReply(IReadOnlyList<JsonObject> Events, KernelReplyStatus Status, string? Message);
