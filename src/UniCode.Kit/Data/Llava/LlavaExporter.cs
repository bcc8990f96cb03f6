using System.Globalization;
using System.Text;
using UniCode.Kit.Text;
using UniCode.Torch.Imaging;

namespace UniCode.Kit.Data.Llava;

/// <summary>What the conversation of an exported record holds.</summary>
public enum LlavaExportStyle
{
    /// <summary>The questions when the example has any, else the caption.</summary>
    Auto = 0,

    /// <summary>One turn: the caption prompt, answered by the caption (LCS-558K's form).</summary>
    Caption = 1,

    /// <summary>Every question of the example, each answered (mix665K's VQA form).</summary>
    Questions = 2,

    /// <summary>The caption turn followed by the questions.</summary>
    CaptionAndQuestions = 3,
}

/// <summary>What <see cref="LlavaExporter.Export"/> wrote.</summary>
/// <param name="JsonPath">The LLaVA JSON file.</param>
/// <param name="ImageFolder">The folder its image paths are relative to (the output folder).</param>
/// <param name="Records">How many records (= PNG files) were written.</param>
public sealed record LlavaExportResult(string JsonPath, string ImageFolder, int Records);

/// <summary>
/// Exports any kit dataset in LLaVA's format: <c>&lt;out&gt;/&lt;name&gt;.json</c> (a JSON array of
/// <c>{id, image, conversations}</c>, <c>&lt;image&gt;</c> at the start of the first human turn) and one PNG
/// per example in <c>&lt;out&gt;/images/</c>, so that the kit's data (or a LLaVA training script) can read it
/// back with <see cref="LlavaJson"/>. Every file is written atomically; the JSON is written last.
/// </summary>
public static class LlavaExporter
{
    /// <summary>Exports the dataset.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="outputDirectory">The output folder (created if needed).</param>
    /// <param name="options">Count, style, prompt and name; null for the defaults.</param>
    public static LlavaExportResult Export(IImageDataset dataset, string outputDirectory, LlavaExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        options ??= new LlavaExportOptions();
        options.Validate();
        var count = options.Count ?? dataset.Count;
        if (count > dataset.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(options), count, $"{nameof(LlavaExportOptions.Count)} must be 0-{dataset.Count} for {dataset.Name}");
        }
        var name = FileSafe(options.Name ?? dataset.Name);
        var root = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(Path.Combine(root, "images"));
        var jsonPath = Path.Combine(root, name + ".json");
        var written = LlavaJson.Write(jsonPath, Records(dataset, count, name, root, options));
        return new LlavaExportResult(jsonPath, root, written);
    }

    /// <summary>The conversation of one example in the given style.</summary>
    /// <param name="example">The example.</param>
    /// <param name="style">The style.</param>
    /// <param name="captionPrompt">The human turn that asks for the caption.</param>
    public static IReadOnlyList<DialogueTurn> Conversation(ImageExample example, LlavaExportStyle style, string captionPrompt)
    {
        ArgumentNullException.ThrowIfNull(example);
        if (style == LlavaExportStyle.Auto)
        {
            style = example.QuestionAnswers.Count > 0 ? LlavaExportStyle.Questions : LlavaExportStyle.Caption;
        }

        var pairs = new List<(string Question, string Answer)>();
        if (style is LlavaExportStyle.Caption or LlavaExportStyle.CaptionAndQuestions)
        {
            pairs.Add((captionPrompt, example.Caption));
        }

        if (style is LlavaExportStyle.Questions or LlavaExportStyle.CaptionAndQuestions)
        {
            pairs.AddRange(example.QuestionAnswers.Select(q => (q.Question, q.Answer)));
        }

        if (pairs.Count == 0)
        {
            throw new ArgumentException($"the example has no questions to export in style {style}", nameof(example));
        }

        var turns = new List<DialogueTurn>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var question = i == 0 ? $"{LlavaRecord.ImageToken}\n{pairs[i].Question}" : pairs[i].Question;
            turns.Add(new DialogueTurn(LlavaRecord.Human, question));
            turns.Add(new DialogueTurn(LlavaRecord.Gpt, pairs[i].Answer));
        }

        return turns;
    }

    private static IEnumerable<LlavaRecord> Records(IImageDataset dataset, int count, string name, string root, LlavaExportOptions options)
    {
        for (var i = 0; i < count; i++)
        {
            var example = dataset.Get(i);
            var id = $"{name}-{i.ToString("D6", CultureInfo.InvariantCulture)}";
            var relative = $"images/{id}.png";
            using (var tensor = example.Image.ToTensor())
            {
                ImageIO.Write(Path.Combine(root, relative), tensor);
            }

            yield return new LlavaRecord(id, relative, Conversation(example, options.Style, options.CaptionPrompt));
        }
    }

    private static string FileSafe(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }

        var safe = builder.ToString().Trim('-', '.');
        return safe.Length == 0 ? "dataset" : safe;
    }
}
