using UniCode.Kit.Data.Datasets;

namespace UniCode.Kit.Tests.Data.Datasets;

public sealed class WordNetGlossesTests
{
    [Fact]
    public void Every_synset_of_the_Debian_files_gives_one_gloss()
    {
        var corpus = WordNetGlosses.Load();
        var synsetLines = new[] { "noun", "verb", "adj", "adv" }
            .Sum(s => File.ReadLines(Path.Combine(DataRoots.DefaultWordNet, "data." + s)).Count(l => !l.StartsWith("  ", StringComparison.Ordinal)));
        Assert.Equal(synsetLines, corpus.Count);
        Assert.True(corpus.Count > 100_000, $"{corpus.Count} glosses");
        Assert.Equal(117_659, corpus.Count);
        Assert.All(corpus.Texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        Assert.DoesNotContain(corpus.Texts, t => t.Contains(" | ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_first_noun_is_entity_with_its_definition()
    {
        var first = WordNetGlosses.ReadEntries(new WordNetOptions { Files = ["noun"] }).First();
        Assert.Equal(1740, first.Offset);
        Assert.Equal('n', first.PartOfSpeech);
        Assert.Equal(["entity"], first.Words);
        Assert.Equal("that which is perceived or known or inferred to have its own distinct existence (living or nonliving)", first.Gloss);
        var withHead = WordNetGlosses.Load(new WordNetOptions { Files = ["noun"], IncludeHeadword = true });
        Assert.StartsWith("entity: that which is perceived", withHead.Texts[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Licence_header_lines_are_skipped_and_a_line_without_gloss_names_file_and_line()
    {
        using var temp = new TempFolder();
        var noun = temp.File("data.noun");
        File.WriteAllLines(noun,
        [
            "  1 This software and database is being provided to you",
            "  2 under the following license.",
            "00001740 03 n 01 entity 0 000 | that which exists  ",
            "00001930 03 n 02 physical_entity 0 thing(a) 0 000 | an entity that has physical existence",
            "00002137 03 n 01 abstraction 0 000 no separator here",
        ]);
        var entries = WordNetGlosses.ReadFile(noun).Take(2).ToArray();
        Assert.Equal("that which exists", entries[0].Gloss);
        Assert.Equal(["physical entity", "thing"], entries[1].Words);
        var error = Assert.Throws<InvalidDataException>(() => WordNetGlosses.ReadFile(noun).ToArray());
        Assert.Contains($"{noun}:5", error.Message);
    }

    [Fact]
    public void A_missing_root_names_the_apt_package()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<DatasetNotInstalledException>(() => WordNetGlosses.Load(new WordNetOptions { Root = Path.Combine(temp.Path, "wn") }));
        Assert.Contains("wordnet-base", error.Message);
    }
}
