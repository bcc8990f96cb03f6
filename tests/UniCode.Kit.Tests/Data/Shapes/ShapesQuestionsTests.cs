using System.Globalization;
using System.Text.RegularExpressions;
using UniCode.Kit.Data;
using UniCode.Kit.Data.Shapes;

namespace UniCode.Kit.Tests.Data.Shapes;

/// <summary>Re-derives every answer from the scene graph with the test's own parsing and geometry.</summary>
public sealed partial class ShapesQuestionsTests
{
    private static readonly string[] ColourWords = ["red", "green", "blue", "yellow", "purple", "orange"];
    private static readonly string[] ShapeWords = ["circle", "square", "triangle", "diamond"];

    internal static string CellName(int row, int column) => (row, column) switch
    {
        (0, 0) => "top left",
        (0, 1) => "top middle",
        (0, 2) => "top right",
        (1, 0) => "middle left",
        (1, 1) => "centre",
        (1, 2) => "middle right",
        (2, 0) => "bottom left",
        (2, 1) => "bottom middle",
        (2, 2) => "bottom right",
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };

    [Fact]
    public void Every_answer_follows_from_the_scene_graph()
    {
        var dataset = new ShapesDataset(new ShapesOptions { Seed = 21, Count = 600 });
        var kinds = new HashSet<QuestionKind>();
        var yesNo = new Dictionary<string, int>();
        for (var i = 0; i < dataset.Count; i++)
        {
            var scene = dataset.Scene(i);
            foreach (var qa in dataset.QuestionsAt(i))
            {
                kinds.Add(qa.Kind);
                Assert.Equal(Derive(scene.Objects, qa.Question), qa.Answer);
                Assert.DoesNotContain(' ', qa.Answer);
                if (qa.Kind is QuestionKind.RelativePositionYesNo)
                {
                    yesNo[qa.Answer] = yesNo.GetValueOrDefault(qa.Answer) + 1;
                }
            }
        }

        Assert.Equal(Enum.GetValues<QuestionKind>().Where(k => k != QuestionKind.Open).ToHashSet(), kinds);
        var ratio = yesNo["yes"] / (double)(yesNo["yes"] + yesNo["no"]);
        Assert.InRange(ratio, 0.4, 0.6);
    }

    [Fact]
    public void Every_object_gets_a_colour_question_and_counts_include_an_absent_value()
    {
        var generator = new ShapesGenerator(new ShapesOptions { Seed = 4 });
        for (var i = 0; i < 200; i++)
        {
            var scene = generator.Scene(i);
            var questions = generator.Questions(scene);
            Assert.Equal(scene.Objects.Count, questions.Count(q => q.Kind == QuestionKind.ColourAtPosition));
            Assert.Single(questions, q => q.Kind == QuestionKind.CountAll);
            Assert.Single(questions, q => q.Kind == QuestionKind.CountOfColour && q.Answer == "0");
            var shapesPresent = scene.Objects.Select(o => o.Shape).Distinct().Count();
            Assert.Equal(shapesPresent < 4 ? 1 : 0, questions.Count(q => q.Kind == QuestionKind.CountOfShape && q.Answer == "0"));
            Assert.Equal(shapesPresent + (shapesPresent < 4 ? 1 : 0), questions.Count(q => q.Kind == QuestionKind.CountOfShape));
        }
    }

    internal static string Derive(IReadOnlyList<SceneObject> objects, string question)
    {
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        string YesNo(bool b) => b ? "yes" : "no";
        string ColourWord(SceneObject o) => ColourWords[(int)o.Colour];
        string ShapeWord(SceneObject o) => ShapeWords[(int)o.Shape];
        SceneObject Named(string colour, string shape) => Assert.Single(objects, o => ColourWord(o) == colour && ShapeWord(o) == shape);

        if (question == "How many objects are there?")
        {
            return N(objects.Count);
        }

        if (ColourAt().Match(question) is { Success: true } m1)
        {
            return ColourWord(Assert.Single(objects, o => CellName(o.Row, o.Column) == m1.Groups[1].Value));
        }

        if (ShapeOf().Match(question) is { Success: true } m2)
        {
            return ShapeWord(Assert.Single(objects, o => ColourWord(o) == m2.Groups[1].Value));
        }

        if (CountColour().Match(question) is { Success: true } m3)
        {
            Assert.Contains(m3.Groups[1].Value, ColourWords);
            return N(objects.Count(o => ColourWord(o) == m3.Groups[1].Value));
        }

        if (CountShape().Match(question) is { Success: true } m4)
        {
            Assert.Contains(m4.Groups[1].Value, ShapeWords);
            return N(objects.Count(o => ShapeWord(o) == m4.Groups[1].Value));
        }

        if (LeftOf().Match(question) is { Success: true } m5)
        {
            var (a, b) = (Named(m5.Groups[1].Value, m5.Groups[2].Value), Named(m5.Groups[3].Value, m5.Groups[4].Value));
            return YesNo(a.CenterX + a.Radius < b.CenterX - b.Radius);
        }

        if (Above().Match(question) is { Success: true } m6)
        {
            var (a, b) = (Named(m6.Groups[1].Value, m6.Groups[2].Value), Named(m6.Groups[3].Value, m6.Groups[4].Value));
            return YesNo(a.CenterY + a.Radius < b.CenterY - b.Radius);
        }

        if (Where().Match(question) is { Success: true } m7)
        {
            var (a, b) = (Named(m7.Groups[1].Value, m7.Groups[2].Value), Named(m7.Groups[3].Value, m7.Groups[4].Value));
            var (dx, dy) = (a.CenterX - b.CenterX, a.CenterY - b.CenterY);
            // Only asked for objects in one row or one column: the other axis barely differs.
            Assert.True(Math.Abs(Math.Abs(dx) - Math.Abs(dy)) > 0.05);
            return Math.Abs(dx) > Math.Abs(dy) ? (dx < 0 ? "left" : "right") : (dy < 0 ? "above" : "below");
        }

        if (Exists().Match(question) is { Success: true } m8)
        {
            return YesNo(objects.Any(o => ColourWord(o) == m8.Groups[1].Value && ShapeWord(o) == m8.Groups[2].Value));
        }

        throw new InvalidOperationException($"unrecognised question: {question}");
    }

    [GeneratedRegex(@"^What colour is the object in the ([a-z ]+)\?$")]
    private static partial Regex ColourAt();

    [GeneratedRegex(@"^What shape is the ([a-z]+) object\?$")]
    private static partial Regex ShapeOf();

    [GeneratedRegex(@"^How many ([a-z]+) objects are there\?$")]
    private static partial Regex CountColour();

    [GeneratedRegex(@"^How many ([a-z]+)s are there\?$")]
    private static partial Regex CountShape();

    [GeneratedRegex(@"^Is the ([a-z]+) ([a-z]+) left of the ([a-z]+) ([a-z]+)\?$")]
    private static partial Regex LeftOf();

    [GeneratedRegex(@"^Is the ([a-z]+) ([a-z]+) above the ([a-z]+) ([a-z]+)\?$")]
    private static partial Regex Above();

    [GeneratedRegex(@"^Where is the ([a-z]+) ([a-z]+) relative to the ([a-z]+) ([a-z]+)\?$")]
    private static partial Regex Where();

    [GeneratedRegex(@"^Is there a ([a-z]+) ([a-z]+) in the image\?$")]
    private static partial Regex Exists();
}
