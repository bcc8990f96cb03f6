using UniCode.Torch;

namespace UniCode.Kit.Language;

/// <summary>
/// Images come out whole: after <c>&lt;|image_begin|&gt;</c> (emitted, or ending the prompt) exactly
/// <see cref="TokensPerImage"/> tokens follow, each one of <see cref="CodeIds"/> (the visual tokenizer's codes),
/// then <c>&lt;|image_end|&gt;</c> is forced. Outside a span any token but <c>&lt;|image_end|&gt;</c> may follow.
/// </summary>
public sealed class ImageSpanConstraint : IDecodingConstraint
{
    /// <summary>Creates the rule.</summary>
    /// <param name="beginId">The id of <c>&lt;|image_begin|&gt;</c>.</param>
    /// <param name="endId">The id of <c>&lt;|image_end|&gt;</c>.</param>
    /// <param name="tokensPerImage">N, the visual tokenizer's tokens per image.</param>
    /// <param name="codeIds">The ids an image's tokens may take (Unified: the code ids are LM ids; SeparateVocab:
    /// the appended rows).</param>
    public ImageSpanConstraint(int beginId, int endId, int tokensPerImage, IEnumerable<int> codeIds)
    {
        ArgumentNullException.ThrowIfNull(codeIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokensPerImage, 1);
        if (beginId == endId)
        {
            throw new ArgumentException($"the begin and end ids must differ; both are {beginId}", nameof(endId));
        }

        (BeginId, EndId, TokensPerImage) = (beginId, endId, tokensPerImage);
        CodeIds = [.. codeIds.Distinct().Order()];
        if (CodeIds.Count == 0)
        {
            throw new ArgumentException("an image needs at least one code id", nameof(codeIds));
        }

        if (CodeIds.Contains(beginId) || CodeIds.Contains(endId))
        {
            throw new ArgumentException("the code ids must not include the image's begin or end id", nameof(codeIds));
        }
    }

    /// <summary>The id of <c>&lt;|image_begin|&gt;</c>.</summary>
    public int BeginId { get; }

    /// <summary>The id of <c>&lt;|image_end|&gt;</c>.</summary>
    public int EndId { get; }

    /// <summary>N.</summary>
    public int TokensPerImage { get; }

    /// <summary>The ids allowed inside a span, ascending.</summary>
    public IReadOnlyList<int> CodeIds { get; }

    /// <inheritdoc/>
    public IDecodingTracker Start(Tensor prompt, int vocabSize)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var codes = TokenMask.Of(CodeIds, vocabSize, nameof(CodeIds));
        var end = TokenMask.Of([EndId], vocabSize, nameof(EndId));
        var tracker = new Tracker(this, bannedOutside: end, bannedInside: codes.LogicalNot(), bannedAtEnd: end.LogicalNot());
        foreach (var row in TokenMask.Rows(prompt))
        {
            tracker.AddRow(row);
        }

        return tracker;
    }

    private sealed class Tracker(ImageSpanConstraint rule, Tensor bannedOutside, Tensor bannedInside, Tensor bannedAtEnd) : IDecodingTracker
    {
        // Per row: -1 outside a span, else how many image tokens the open span holds.
        private readonly List<int> inSpan = [];

        public void AddRow(IEnumerable<long> prompt)
        {
            inSpan.Add(-1);
            var row = inSpan.Count - 1;
            foreach (var token in prompt)
            {
                Step(row, token);
            }
        }

        public Tensor Restrict(Tensor logits)
        {
            // mode 0: outside a span, 1: inside with room, 2: the span is full.
            var modes = inSpan.Select(c => c < 0 ? 0L : c < rule.TokensPerImage ? 1L : 2L).ToArray();
            var mode = Tensor.From(modes, modes.Length, 1); // (B, 1)
            var banned = Tensor.Where(mode.Eq(2), bannedAtEnd, Tensor.Where(mode.Eq(1), bannedInside, bannedOutside)); // (B, V)
            return logits.MaskedFill(banned, double.NegativeInfinity);
        }

        public void Advance(IReadOnlyList<long> tokens)
        {
            for (var row = 0; row < tokens.Count; row++)
            {
                Step(row, tokens[row]);
            }
        }

        private void Step(int row, long token)
        {
            if (token == rule.BeginId)
            {
                inSpan[row] = 0;
            }
            else if (token == rule.EndId)
            {
                inSpan[row] = -1;
            }
            else if (inSpan[row] >= 0)
            {
                inSpan[row]++;
            }
        }
    }
}
