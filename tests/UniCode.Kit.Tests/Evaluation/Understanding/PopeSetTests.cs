using UniCode.Kit.Data.Shapes;
using UniCode.Kit.Evaluation.Understanding;

namespace UniCode.Kit.Tests.Evaluation.Understanding;

public sealed class PopeSetTests
{
    private static readonly ShapeScene[] Scenes = [.. Enumerable.Range(0, 200).Select(i => new ShapesGenerator(new ShapesOptions { Seed = 7 }).Scene(i))];

    [Theory]
    [InlineData(PopeSampling.Random)]
    [InlineData(PopeSampling.Popular)]
    [InlineData(PopeSampling.Adversarial)]
    public void Every_sampler_asks_yes_of_present_objects_and_no_of_absent_ones_in_equal_numbers(PopeSampling sampling)
    {
        var set = PopeSet.Build(Scenes, new PopeSetOptions { Sampling = sampling, Seed = 3 });
        foreach (var group in set.GroupBy(q => q.Scene))
        {
            var present = Scenes[group.Key].Categories;
            Assert.All(group, q => Assert.Equal(present.Contains(q.Probe.Category), q.Present));
            Assert.Equal(group.Count(q => q.Present), group.Count(q => !q.Present));
            Assert.Equal(Math.Min(3, present.Count), group.Count(q => q.Present));
            Assert.Equal(group.Count(), group.Select(q => q.Probe.Category).Distinct().Count());
        }

        Assert.All(set, q => Assert.Equal(q.Present ? "yes" : "no", q.Probe.QuestionAnswer.Answer));
        Assert.Contains(set, q => q.Question == $"Is there a {ShapeAttributes.CategoryName(q.Probe.Category)} in the image?");
    }

    [Fact]
    public void The_popular_sampler_asks_about_the_most_frequent_absent_objects()
    {
        var statistics = PopeStatistics.Count(Scenes);
        var set = PopeSet.Build(Scenes, new PopeSetOptions { Sampling = PopeSampling.Popular });
        foreach (var group in set.GroupBy(q => q.Scene))
        {
            var present = Scenes[group.Key].Categories;
            var negatives = group.Where(q => !q.Present).Select(q => q.Probe.Category).ToArray();
            var leastAsked = negatives.Min(statistics.Frequency);
            var absentNotAsked = Enumerable.Range(0, ShapeAttributes.CategoryCount).Where(c => !present.Contains(c) && !negatives.Contains(c));
            // No absent category left out is more frequent than one asked about.
            Assert.All(absentNotAsked, c => Assert.True(statistics.Frequency(c) <= leastAsked, $"category {c} is more frequent than the ones asked"));
        }

        // With one positive, every scene that lacks the most frequent category is asked about it.
        var top = Enumerable.Range(0, ShapeAttributes.CategoryCount).MaxBy(statistics.Frequency);
        var single = PopeSet.Build(Scenes, new PopeSetOptions { Sampling = PopeSampling.Popular, PositivesPerScene = 1 });
        Assert.All(single.Where(q => !q.Present && !Scenes[q.Scene].Categories.Contains(top)), q => Assert.Equal(top, q.Probe.Category));
    }

    [Fact]
    public void The_adversarial_sampler_asks_about_the_absent_objects_that_co_occur_most()
    {
        var statistics = PopeStatistics.Count(Scenes);
        var set = PopeSet.Build(Scenes, new PopeSetOptions { Sampling = PopeSampling.Adversarial });
        foreach (var group in set.GroupBy(q => q.Scene))
        {
            var present = Scenes[group.Key].Categories;
            int Together(int c) => present.Sum(p => statistics.Cooccurrence(c, p));
            var negatives = group.Where(q => !q.Present).Select(q => q.Probe.Category).ToArray();
            var least = negatives.Min(Together);
            Assert.All(
                Enumerable.Range(0, ShapeAttributes.CategoryCount).Where(c => !present.Contains(c) && !negatives.Contains(c)),
                c => Assert.True(Together(c) <= least));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_set_and_another_seed_another()
    {
        static string[] Text(ulong seed) =>
            [.. PopeSet.Build(Scenes, new PopeSetOptions { Seed = seed }).Select(q => $"{q.Scene}:{q.Probe.Category}:{q.Present}")];
        Assert.Equal(Text(5), Text(5));
        Assert.NotEqual(Text(5), Text(6));
    }

    [Fact]
    public void An_empty_scene_list_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => PopeSet.Build([]));
        Assert.Equal("scenes", e.ParamName);
    }
}
