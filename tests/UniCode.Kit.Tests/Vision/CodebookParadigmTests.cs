using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Codebooks;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Vision;

public sealed class CodebookParadigmTests
{
    private static (VisualTokenizer Tokenizer, LanguageCodebook Language) Setup(ulong seed = 0)
    {
        var tokenizer = TinyTokenizers.Create(TokenizerKind.VqGan, seed: seed);
        var language = LanguageCodebook.DrawnLikeLm(tokenizer.Quantizer.CodebookSize, tokenizer.Quantizer.Dim, seed: 9);
        return (tokenizer, language);
    }

    private static void Steps(VisualTokenizer tokenizer, CodebookSync sync, int steps, int from = 0)
    {
        for (var step = from; step < from + steps; step++)
        {
            using var scope = new DisposeScope();
            sync.BeforeStep(step);
            tokenizer.Forward(TinyTokenizers.Images(4, 1, 16, seed: (ulong)step));
            sync.AfterStep(step);
        }
    }

    [Fact]
    public void Frozen_sets_the_codebook_to_the_scaled_table_and_never_changes_it()
    {
        var (tokenizer, language) = Setup();
        using (tokenizer)
        using (language)
        {
            var sync = CodebookSync.Create(new CodebookOptions { Paradigm = CodebookParadigm.Frozen }, tokenizer.Quantizer, language, 10);
            using var scaled = language.Scaled();
            Assert.True(tokenizer.Codebook.AllClose(scaled, 1e-6, 1e-7));
            Steps(tokenizer, sync, 5);
            Assert.True(tokenizer.Codebook.AllClose(scaled, 1e-6, 1e-7));
            Assert.Equal(1, sync.Alignment(5)!.MeanCosine, 5);
        }
    }

    [Fact]
    public void Dual_copies_the_table_in_before_a_step_and_back_after_it()
    {
        var (tokenizer, language) = Setup();
        using (tokenizer)
        using (language)
        {
            var sync = CodebookSync.Create(new CodebookOptions { Paradigm = CodebookParadigm.Dual }, tokenizer.Quantizer, language, 10);
            using var tableBefore = language.Table.Clone();
            sync.BeforeStep(0);
            using (var scaled = language.Scaled())
            {
                Assert.True(tokenizer.Codebook.AllClose(scaled, 1e-6, 1e-7)); // copied in
            }

            using (new DisposeScope())
            {
                tokenizer.Forward(TinyTokenizers.Images(4, 1, 16));
            }

            Assert.True(language.Table.Equal(tableBefore)); // the LM's table is untouched until AfterStep
            sync.AfterStep(0);
            using var back = tokenizer.Codebook / language.Scale;
            Assert.True(language.Table.AllClose(back, 1e-5, 1e-7)); // copied back
            Assert.False(language.Table.AllClose(tableBefore, 1e-4, 1e-6));
        }
    }

    [Fact]
    public void Iterative_never_writes_the_language_table()
    {
        var (tokenizer, language) = Setup();
        using (tokenizer)
        using (language)
        {
            var sync = CodebookSync.Create(new CodebookOptions { Paradigm = CodebookParadigm.Iterative }, tokenizer.Quantizer, language, 20);
            using var before = language.Table.Clone();
            Steps(tokenizer, sync, 20);
            Assert.True(language.Table.Equal(before));
        }
    }

    [Fact]
    public void The_converging_schedule_reaches_the_language_codebook_and_holds_it()
    {
        var (tokenizer, language) = Setup();
        using (tokenizer)
        using (language)
        {
            var options = new CodebookOptions { Paradigm = CodebookParadigm.Iterative, RampStart = 0.2, RampEnd = 0.6 };
            var sync = (IterativeCodebook)CodebookSync.Create(options, tokenizer.Quantizer, language, 20);
            Assert.Equal(1, sync.LambdaAt(0));
            Assert.Equal(0, sync.LambdaAt(11));
            Steps(tokenizer, sync, 20);
            var alignment = sync.Alignment(20)!;

            Assert.Equal(1, alignment.MeanCosine, 5);
            Assert.True(alignment.RelativeDistance < 1e-5, $"relative distance {alignment.RelativeDistance}");
            Assert.True(tokenizer.Quantizer.Frozen);
        }
    }

    [Fact]
    public void The_paper_schedule_applies_eq3_every_interval_steps_with_its_lambda()
    {
        var (tokenizer, language) = Setup();
        using (tokenizer)
        using (language)
        {
            var options = new CodebookOptions { Paradigm = CodebookParadigm.Iterative, Schedule = IterativeSchedule.Paper, Lambda = 0.99, Interval = 10 };
            var sync = (IterativeCodebook)CodebookSync.Create(options, tokenizer.Quantizer, language, 100);
            Assert.Equal([1, 1, 0.99], new[] { sync.LambdaAt(0), sync.LambdaAt(8), sync.LambdaAt(9) });
            using var scope = new DisposeScope();
            using var scaled = language.Scaled();
            var before = tokenizer.Codebook.Clone();
            sync.AfterStep(9);
            Assert.True((tokenizer.Codebook - before).AllClose((scaled - before) * 0.01, 1e-4, 1e-6));
        }
    }

    [Fact]
    public void Unified_paradigms_need_a_table_of_the_codebooks_shape()
    {
        var (tokenizer, language) = Setup();
        using (tokenizer)
        using (language)
        using (var wrong = LanguageCodebook.DrawnLikeLm(tokenizer.Quantizer.CodebookSize + 1, tokenizer.Quantizer.Dim, 1))
        {
            Assert.Throws<ArgumentException>(() => CodebookSync.Create(new CodebookOptions { Paradigm = CodebookParadigm.Frozen }, tokenizer.Quantizer, null, 10));
            var e = Assert.Throws<ArgumentException>(() => CodebookSync.Create(new CodebookOptions { Paradigm = CodebookParadigm.Dual }, tokenizer.Quantizer, wrong, 10));
            Assert.Contains("follow C_L", e.Message);
        }
    }

    [Fact]
    public void The_table_is_scaled_to_the_requested_mean_row_norm()
    {
        using var language = LanguageCodebook.DrawnLikeLm(64, 16, seed: 3, codeNorm: 2.0);
        using var scope = new DisposeScope();
        Assert.Equal(2.0, language.Scaled().Norm(2, [1]).Mean().Item<float>(), 4);
        Assert.Equal(0.02 * 4, language.Table.Norm(2, [1]).Mean().Item<float>(), 2); // std 0.02, sqrt(16) = 4
    }
}
