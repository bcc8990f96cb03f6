using UniCode.Kit.Data;
using UniCode.Kit.Data.Shapes;

namespace UniCode.Kit.Tests.Data.Shapes;

public sealed class PopeStatisticsTests
{
    private const int Categories = 24;

    [Fact]
    public void Probes_are_balanced_and_negatives_are_absent_for_every_sampling()
    {
        var generator = new ShapesGenerator(new ShapesOptions { Seed = 7, StatisticsScenes = 500 });
        foreach (var sampling in Enum.GetValues<PopeSampling>())
        {
            for (var i = 0; i < 300; i++)
            {
                var scene = generator.Scene(i);
                var present = scene.Objects.Select(o => ((int)o.Colour * 4) + (int)o.Shape).ToHashSet();
                var probes = generator.Pope(scene, sampling);
                Assert.Equal(probes.Count(p => p.Present), probes.Count(p => !p.Present));
                Assert.Equal(present, probes.Where(p => p.Present).Select(p => p.Category).ToHashSet());
                Assert.All(probes.Where(p => !p.Present), p => Assert.DoesNotContain(p.Category, present));
                Assert.Equal(probes.Count, probes.Select(p => p.Category).Distinct().Count());
                Assert.All(probes, p => Assert.Equal(p.Present ? "yes" : "no", p.QuestionAnswer.Answer));
                Assert.All(probes, p => Assert.Equal(sampling, p.Sampling));
            }
        }
    }

    [Fact]
    public void Popular_and_adversarial_negatives_follow_statistics_counted_independently()
    {
        var options = new ShapesOptions { Seed = 12, StatisticsScenes = 800 };
        var generator = new ShapesGenerator(options);
        var frequency = new int[Categories];
        var together = new int[Categories, Categories];
        for (var i = 0; i < options.StatisticsScenes; i++)
        {
            var present = generator.Scene(i).Objects.Select(o => ((int)o.Colour * 4) + (int)o.Shape).Distinct().ToArray();
            foreach (var a in present)
            {
                frequency[a]++;
                foreach (var b in present.Where(b => b != a))
                {
                    together[a, b]++;
                }
            }
        }

        for (var i = 1000; i < 1200; i++)
        {
            var scene = generator.Scene(i);
            var present = scene.Objects.Select(o => ((int)o.Colour * 4) + (int)o.Shape).Distinct().ToArray();
            var absent = Enumerable.Range(0, Categories).Except(present).ToArray();

            var popular = generator.Pope(scene, PopeSampling.Popular).Where(p => !p.Present).Select(p => p.Category).ToHashSet();
            var expectedPopular = absent.OrderByDescending(c => frequency[c]).ThenBy(c => c).Take(present.Length);
            Assert.Equal(expectedPopular.ToHashSet(), popular);

            var adversarial = generator.Pope(scene, PopeSampling.Adversarial).Where(p => !p.Present).Select(p => p.Category).ToHashSet();
            var expectedAdversarial = absent.OrderByDescending(c => present.Sum(p => together[c, p])).ThenByDescending(c => frequency[c]).ThenBy(c => c).Take(present.Length);
            Assert.Equal(expectedAdversarial.ToHashSet(), adversarial);
        }
    }

    [Fact]
    public void The_three_samplings_pick_different_negatives()
    {
        var generator = new ShapesGenerator(new ShapesOptions { Seed = 3 });
        var random = new HashSet<int>();
        var popular = new HashSet<int>();
        int sharedAdversarial = 0, sharedRandom = 0, adversarialCount = 0, randomCount = 0, differs = 0;
        for (var i = 0; i < 400; i++)
        {
            var scene = generator.Scene(i);
            var r = Negatives(generator, scene, PopeSampling.Random);
            var p = Negatives(generator, scene, PopeSampling.Popular);
            var a = Negatives(generator, scene, PopeSampling.Adversarial);
            random.UnionWith(r);
            popular.UnionWith(p);
            differs += r.SetEquals(p) && p.SetEquals(a) ? 0 : 1;
            sharedRandom += r.Count(c => SharesAttribute(scene, c));
            sharedAdversarial += a.Count(c => SharesAttribute(scene, c));
            randomCount += r.Count;
            adversarialCount += a.Count;
        }

        // Random negatives spread over the categories; popular ones concentrate on the frequent few.
        Assert.True(random.Count >= 20, $"random negatives used {random.Count} categories");
        Assert.True(popular.Count <= 12, $"popular negatives used {popular.Count} categories");
        Assert.True(differs > 350);

        // Scenes repeat colours and shapes, so the categories that co-occur with present ones share an attribute with them.
        Assert.True(sharedAdversarial / (double)adversarialCount > (sharedRandom / (double)randomCount) + 0.2);
    }

    [Fact]
    public void Shapes_examples_carry_the_chosen_sampling_or_none()
    {
        var withPope = new ShapesDataset(new ShapesOptions { Count = 5, ExistenceSampling = PopeSampling.Adversarial });
        var without = new ShapesDataset(new ShapesOptions { Count = 5, ExistenceSampling = null });
        for (var i = 0; i < 5; i++)
        {
            var expected = withPope.Generator.Pope(withPope.Scene(i), PopeSampling.Adversarial).Select(p => p.QuestionAnswer);
            Assert.Equal(expected, withPope.QuestionsAt(i).Where(q => q.Kind == QuestionKind.Existence));
            Assert.DoesNotContain(without.QuestionsAt(i), q => q.Kind == QuestionKind.Existence);
        }
    }

    private static HashSet<int> Negatives(ShapesGenerator generator, ShapeScene scene, PopeSampling sampling) =>
        generator.Pope(scene, sampling).Where(p => !p.Present).Select(p => p.Category).ToHashSet();

    private static bool SharesAttribute(ShapeScene scene, int category) =>
        scene.Objects.Any(o => (int)o.Colour == category / 4 || (int)o.Shape == category % 4);
}
