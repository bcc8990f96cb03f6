using UniCode.Kit.Data.Shapes;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Multimodal.Sequences;
using UniCode.Kit.Multimodal.Tasks;
using UniCode.Kit.Tests.Text;
using UniCode.Kit.Text;
using UniCode.Kit.Vision;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Multimodal;

public sealed class SequenceLayoutTests
{
    private const int Ignore = ChatExample.IgnoreIndex;
    private static readonly ShapesDataset Shapes = new(new ShapesOptions { Count = 4, Size = 32, Seed = 5 });
    private static BpeTokenizer Tokenizer => TestTokenizers.Small;

    // HQ-VAE's layout: a 4x4 top map and an 8x8 bottom map, 16 cells of 1 + 4 codes.
    private static (EncodedImage Image, CodeMap Map) HqImage()
    {
        var top = Tensor.From(Enumerable.Range(0, 16).Select(i => (long)i).ToArray(), 1, 4, 4);
        var bottom = Tensor.From(Enumerable.Range(0, 64).Select(i => 100L + i).ToArray(), 1, 8, 8);
        var map = new CodeMap([new CodeLayer("top", top, 1), new CodeLayer("bottom", bottom, 2)]);
        using var flat = map.Flatten();
        return (new EncodedImage(flat.ToArray<long>(), 16), map);
    }

    private static SequenceLayout Layout(MllmParadigm paradigm, int maxLength = 512) =>
        new(Tokenizer, new ImageVocabulary(paradigm, Tokenizer.VocabularySize, 500), maxLength);

    [Fact]
    public void Unified_vqa_puts_the_codes_as_token_ids_in_the_question_and_supervises_only_the_answer()
    {
        var (image, map) = HqImage();
        using var _ = map;
        var example = MllmTasks.Vqa(Shapes)[0];
        var t = Tokenizer;

        var sequence = Layout(MllmParadigm.Unified).Lay(example, image);

        var span = Assert.Single(sequence.ImageSpans);
        Assert.Equal(80, span.Count);
        Assert.Equal(image.Codes.Select(c => (int)c), sequence.InputIds.Skip(span.Start).Take(80));
        Assert.Equal(t.ImageBeginId, sequence.InputIds[span.BeginIndex]);
        Assert.Equal(t.ImageEndId, sequence.InputIds[span.EndIndex]);
        int[] answer = [.. t.Encode(example.Answer), t.EosId];
        Assert.Equal(answer, sequence.Labels.Where(l => l != Ignore));
        Assert.Equal(answer, sequence.InputIds.TakeLast(answer.Length));
        Assert.Empty(sequence.SoftSlots);
    }

    [Fact]
    public void A_vqa_dialogue_reads_the_image_once_and_supervises_every_answer()
    {
        var (image, map) = HqImage();
        using var _ = map;
        var example = MllmTasks.Vqa(Shapes, questionsPerDialogue: 3)[0];
        var t = Tokenizer;

        var sequence = Layout(MllmParadigm.Unified).Lay(example, image);

        Assert.Single(sequence.ImageSpans);
        int[] answers = [.. example.Dialogue.Turns.Where((_, i) => i % 2 == 1).SelectMany(turn => t.Encode(turn.Value).Append(t.EosId))];
        Assert.Equal(3, example.Dialogue.Turns.Count / 2);
        Assert.Equal(answers, sequence.Labels.Where(l => l != Ignore));
    }

    [Fact]
    public void SeparateVocab_shifts_every_code_past_the_text_vocabulary()
    {
        var (image, map) = HqImage();
        using var _ = map;

        var sequence = Layout(MllmParadigm.SeparateVocab).Lay(MllmTasks.Vqa(Shapes)[0], image);

        var span = sequence.ImageSpans[0];
        Assert.Equal(image.Codes.Select(c => Tokenizer.VocabularySize + (int)c), sequence.InputIds.Skip(span.Start).Take(span.Count));
    }

    [Fact]
    public void Projector_feeds_the_input_image_as_one_soft_embedding_per_coarse_cell()
    {
        var (image, map) = HqImage();
        using var _ = map;

        var sequence = Layout(MllmParadigm.Projector).Lay(MllmTasks.Vqa(Shapes)[0], image);

        var span = Assert.Single(sequence.ImageSpans);
        Assert.Equal(16, span.Count);
        Assert.Equal(Enumerable.Range(0, 16).Select(c => new SoftSlot(span.Start + c, c)), sequence.SoftSlots);
        Assert.All(sequence.SoftSlots, s => Assert.Equal(Tokenizer.ImageId, sequence.InputIds[s.Position]));
    }

    [Fact]
    public void Projector_refuses_a_task_that_writes_an_image()
    {
        var (image, map) = HqImage();
        using var _ = map;

        var error = Assert.Throws<NotSupportedException>(() => Layout(MllmParadigm.Projector).Lay(MllmTasks.TextToImage(Shapes)[0], image));
        Assert.Contains("understanding only", error.Message);
    }

    [Fact]
    public void Text_to_image_supervises_the_image_span_its_begin_and_end_tokens()
    {
        var (image, map) = HqImage();
        using var _ = map;
        var t = Tokenizer;

        var sequence = Layout(MllmParadigm.Unified).Lay(MllmTasks.TextToImage(Shapes)[1], image);

        var span = Assert.Single(sequence.ImageSpans);
        Assert.True(span.InAnswer);
        int[] expected = [t.ImageBeginId, .. image.Codes.Select(c => (int)c), t.ImageEndId, t.EosId];
        Assert.Equal(expected, sequence.Labels.Where(l => l != Ignore));
    }

    [Fact]
    public void The_decompression_target_is_the_code_map_flattened_per_top_cell_top_code_then_its_four_bottom_codes()
    {
        var (image, map) = HqImage();
        using var _ = map;

        var sequence = Layout(MllmParadigm.Unified).Lay(MllmTasks.Decompression(Shapes)[0], image);

        Assert.Equal(2, sequence.ImageSpans.Count);
        var input = sequence.ImageSpans[0];
        var answer = sequence.ImageSpans[1];
        Assert.Equal(16, input.Count);
        Assert.Equal(Enumerable.Range(0, 16).Select(c => new SoftSlot(input.Start + c, c)), sequence.SoftSlots);
        var target = sequence.Labels.Skip(answer.Start).Take(answer.Count).ToArray();
        // Cell (0, 0): top code 0, then bottom (0,0), (0,1), (1,0), (1,1) of the 8x8 map = 100, 101, 108, 109.
        Assert.Equal([0, 100, 101, 108, 109], target.Take(5));
        // Cell (1, 2) = cell 6: top code 6, bottom rows 2-3, columns 4-5.
        Assert.Equal([6, 120, 121, 128, 129], target.Skip(6 * 5).Take(5));
        using var unflattened = CodeMap.Unflatten(Tensor.From(target.Select(x => (long)x).ToArray(), 1, 80), map);
        Assert.Equal(map["bottom"].ToArray<long>(), unflattened["bottom"].ToArray<long>());
    }

    [Fact]
    public void Segmented_decompression_answers_each_round_with_that_segments_codes()
    {
        var (image, map) = HqImage();
        using var _ = map;

        var sequence = Layout(MllmParadigm.Unified).Lay(MllmTasks.SegmentedDecompression(Shapes, 4)[0], image);

        Assert.Equal(8, sequence.ImageSpans.Count);
        for (var t = 0; t < 4; t++)
        {
            var input = sequence.ImageSpans[2 * t];
            var answer = sequence.ImageSpans[(2 * t) + 1];
            Assert.Equal(4, input.Count);
            Assert.Equal(20, answer.Count);
            Assert.Equal(Enumerable.Range(4 * t, 4), sequence.SoftSlots.Skip(4 * t).Take(4).Select(s => s.Cell));
            Assert.Equal(image.Codes.Skip(20 * t).Take(20).Select(c => (int)c), sequence.Labels.Skip(answer.Start).Take(20));
        }
    }

    [Fact]
    public void A_prompt_ends_at_the_assistant_token_with_its_input_image_filled()
    {
        var (image, map) = HqImage();
        using var _ = map;
        var layout = Layout(MllmParadigm.Unified);
        var example = MllmTasks.Vqa(Shapes)[0];

        var prompt = layout.Prompt(example, image);
        var full = layout.Lay(example, image);

        Assert.Equal(Tokenizer.AssistantId, prompt.InputIds[^1]);
        Assert.Equal(full.InputIds.Take(prompt.Length), prompt.InputIds);
        Assert.All(prompt.Labels, l => Assert.Equal(Ignore, l));
    }

    [Fact]
    public void A_generation_prompt_needs_no_image()
    {
        var prompt = Layout(MllmParadigm.Unified).Prompt(MllmTasks.ClassToImage(new LabelledImages(["Trouser", "Bag"], [0, 1]))[0], null);

        Assert.Empty(prompt.ImageSpans);
        Assert.Equal(Tokenizer.AssistantId, prompt.InputIds[^1]);
        Assert.Equal(80, SequenceLayout.AnswerImageTokens(MllmTasks.ClassToImage(new LabelledImages(["Trouser", "Bag"], [0, 1]))[0], 16, 5));
    }

    [Fact]
    public void A_sequence_longer_than_the_context_is_an_error_naming_the_example()
    {
        var (image, map) = HqImage();
        using var _ = map;
        var example = MllmTasks.Vqa(Shapes)[0];

        var error = Assert.Throws<ArgumentException>(() => Layout(MllmParadigm.Unified, maxLength: 40).Lay(example, image));
        Assert.Contains(example.Dialogue.Id, error.Message);
        Assert.Contains("context is 40", error.Message);
    }

    [Fact]
    public void A_batch_pads_right_and_indexes_soft_slots_in_the_flattened_batch()
    {
        var (image, map) = HqImage();
        using var _ = map;
        var layout = Layout(MllmParadigm.Projector);
        var a = layout.Lay(MllmTasks.Vqa(Shapes)[0], image);
        var b = layout.Lay(MllmTasks.Captions(Shapes)[1], image);

        using var batch = MultimodalBatch.Collate([a, b], Tokenizer.PadId, cells: 16);

        var length = Math.Max(a.Length, b.Length);
        Assert.Equal([2L, length], batch.Ids.Shape);
        var ids = batch.Ids.ToArray<long>();
        var labels = batch.Labels.ToArray<long>();
        var shorter = a.Length < b.Length ? 0 : 1;
        var shortLength = Math.Min(a.Length, b.Length);
        Assert.Equal(Tokenizer.PadId, ids[(shorter * length) + shortLength]);
        Assert.Equal(Ignore, labels[(shorter * length) + length - 1]);
        var positions = batch.SoftPositions.ToArray<long>();
        var cells = batch.SoftCells.ToArray<long>();
        Assert.Equal(32, positions.Length);
        Assert.Equal(length + b.SoftSlots[3].Position, positions[16 + 3]);
        Assert.Equal(16 + 3, cells[16 + 3]);
    }
}
