using System.CommandLine;
using UniCode.Kit.Configuration;
using UniCode.Kit.Multimodal;
using UniCode.Kit.Training.Multimodal;
using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Codebooks;

namespace UniCode.Cli.Commands;

/// <summary>The options that pick an MLLM recipe, shared by <c>train stage1</c>, <c>train stage2</c>, <c>ask</c> and
/// <c>generate</c>: the same options name the same cached artifacts.</summary>
internal sealed class MllmRecipeOptions
{
    private readonly Option<string> paradigm = Choice("--paradigm", "The MLLM paradigm: unified (image codes are LM tokens), separate (the vocabulary grows by K) or projector (features through a linear projector).", "unified", "unified", "separate", "projector");
    private readonly Option<string> kind = Choice("--kind", "The visual tokenizer: vq (VQ-GAN), rq (RQ-VAE) or hq (HQ-VAE).", "hq", "vq", "rq", "hq");
    private readonly Option<string> codebook = Choice("--codebook", "The codebook paradigm under unified: frozen, dual or iterative.", "iterative", "frozen", "dual", "iterative");
    private readonly Option<string> dataset = Choice("--dataset", "The images and tasks: shapes (VQA, captions, text to image) or fashion-mnist (class questions, class to image).", "shapes", "shapes", "fashion-mnist");
    private readonly Option<string?> profile = TrainCommand.ProfileOption();
    private readonly Option<ulong> seed = new("--seed") { Description = "Seed of Stage II's batches and new weights." };
    private readonly Option<int?> steps = new("--steps") { Description = "Override the profile's number of Stage II steps." };
    private readonly Option<int?> lora = new("--lora") { Description = "Tune with LoRA of this rank (alpha = 2 x rank) instead of full tuning." };
    private readonly Option<int?> questionsPerDialogue = new("--questions-per-dialogue")
    {
        Description = "Ask up to this many of a scene's questions in one VQA dialogue (LLaVA-style turns about one image; default 1).",
    };

    private readonly Option<bool> noStageOne = new("--no-stage1") { Description = "Train the tokenizer alone against the pre-trained LM's table instead of Stage I's joint training." };
    private readonly Option<DirectoryInfo?> output = new("--out") { Description = "Artifact folder (default: the kit's cache, .cache/artifacts or UNICODE_CACHE_DIR)." };
    private readonly Option<bool> resume = new("--resume") { Description = "Continue interrupted runs of the same recipe from their last checkpoints." };

    public MllmRecipeOptions()
    {
        steps.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--steps must be at least 1");
            }
        });
        questionsPerDialogue.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1 or > 12)
            {
                r.AddError("--questions-per-dialogue must be 1 to 12 (more would not fit the LM's context)");
            }
        });
        lora.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--lora must be a rank of at least 1");
            }
        });
    }

    public Option<bool> Resume => resume;

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { paradigm, kind, codebook, dataset, profile, seed, steps, lora, questionsPerDialogue, noStageOne, output, resume })
        {
            command.Options.Add(option);
        }
    }

    public (MllmRecipe Recipe, ArtifactCache Cache, Profile Profile) Read(ParseResult parse)
    {
        var chosen = TrainCommand.ProfileOf(parse.GetValue(profile));
        var mllm = parse.GetValue(paradigm) switch
        {
            "separate" => MllmParadigm.SeparateVocab,
            "projector" => MllmParadigm.Projector,
            _ => MllmParadigm.Unified,
        };
        var tokenizer = parse.GetValue(kind) switch
        {
            "vq" => TokenizerKind.VqGan,
            "rq" => TokenizerKind.RqVae,
            _ => TokenizerKind.HqVae,
        };
        var recipe = MllmRecipe.For(chosen, mllm, tokenizer, Enum.Parse<CodebookParadigm>(parse.GetValue(codebook)!, ignoreCase: true), parse.GetValue(dataset)!);
        var tuning = recipe.Tuning with
        {
            Seed = parse.GetValue(seed),
            Steps = parse.GetValue(steps) ?? recipe.Tuning.Steps,
            Lora = parse.GetValue(lora) is { } rank ? new Kit.Language.LoraOptions { Rank = rank, Alpha = 2 * rank } : null,
        };
        recipe = recipe with
        {
            Tuning = tuning,
            StageOne = parse.GetValue(noStageOne) ? null : recipe.StageOne,
            QuestionsPerDialogue = parse.GetValue(questionsPerDialogue) is { } questions and > 1 ? questions : null,
        };
        var cache = parse.GetValue(output) is { } folder ? new ArtifactCache(folder.FullName) : ArtifactCache.Default();
        return (recipe, cache, chosen);
    }

    private static Option<string> Choice(string name, string description, string fallback, params string[] values)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => fallback };
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
