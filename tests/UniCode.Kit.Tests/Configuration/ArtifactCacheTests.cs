using UniCode.Kit.Configuration;
using UniCode.Kit.Data.Batching;
using UniCode.Kit.Tests.Data;

namespace UniCode.Kit.Tests.Configuration;

[Collection(ConfigurationEnvironment.Name)]
public sealed class ArtifactCacheTests
{
    [Fact]
    public void The_First_Call_Builds_And_The_Second_Reuses()
    {
        using var temp = new TempFolder();
        var cache = new ArtifactCache(temp.Path);
        var options = new BatchOptions { BatchSize = 16 };
        var builds = 0;
        void Build(string folder)
        {
            builds++;
            File.WriteAllText(Path.Combine(folder, "vocab.txt"), "abc");
        }

        var first = cache.GetOrCreate("tokenizer", options, Build);
        var second = cache.GetOrCreate("tokenizer", options with { }, Build);

        Assert.False(first.Reused);
        Assert.True(second.Reused);
        Assert.Equal(1, builds);
        Assert.Equal(first.Folder, second.Folder);
        Assert.Equal(Path.Combine(temp.Path, "tokenizer", ConfigHash.ShortOf(options)), first.Folder);
        Assert.Equal(ConfigHash.Of(options), first.Hash);
        Assert.Equal("abc", File.ReadAllText(Path.Combine(second.Folder, "vocab.txt")));
        Assert.Equal(ConfigHash.CanonicalJson(options), File.ReadAllText(first.ConfigPath));
        Assert.True(cache.TryGet("tokenizer", options, out var found) && found.Reused);
    }

    [Fact]
    public void Different_Options_Or_Kinds_Get_Different_Folders()
    {
        using var temp = new TempFolder();
        var cache = new ArtifactCache(temp.Path);
        var a = cache.GetOrCreate("tokenizer", new BatchOptions { BatchSize = 16 }, _ => { });
        var b = cache.GetOrCreate("tokenizer", new BatchOptions { BatchSize = 17 }, _ => { });
        var c = cache.GetOrCreate("language-model", new BatchOptions { BatchSize = 16 }, _ => { });
        Assert.Equal(3, new[] { a.Folder, b.Folder, c.Folder }.Distinct().Count());
        Assert.All(new[] { a, b, c }, x => Assert.False(x.Reused));
    }

    [Fact]
    public void A_Failed_Build_Publishes_Nothing_And_Leaves_No_Temporary_Folder()
    {
        using var temp = new TempFolder();
        var cache = new ArtifactCache(temp.Path);
        var options = new BatchOptions();
        Assert.Throws<InvalidOperationException>(() => cache.GetOrCreate("tokenizer", options, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "half.bin"), "x");
            throw new InvalidOperationException("training diverged");
        }));

        Assert.False(cache.TryGet("tokenizer", options, out _));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(temp.Path, "tokenizer")));
        Assert.False(cache.GetOrCreate("tokenizer", options, _ => { }).Reused);
    }

    [Fact]
    public void Two_Builders_Racing_Publish_One_Artifact_And_Both_Get_It()
    {
        using var temp = new TempFolder();
        var cache = new ArtifactCache(temp.Path);
        var options = new BatchOptions { Seed = 42 };
        using var bothBuilding = new Barrier(2);
        var results = new CachedArtifact[2];
        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() => results[i] = cache.GetOrCreate("tokenizer", options, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "who.txt"), i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(bothBuilding.SignalAndWait(TimeSpan.FromSeconds(30))); // neither publishes before both have built
        }))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(1, results.Count(r => !r.Reused));
        Assert.Equal(results[0].Folder, results[1].Folder);
        Assert.Equal([Path.GetFileName(results[0].Folder)], Directory.GetFileSystemEntries(Path.Combine(temp.Path, "tokenizer")).Select(Path.GetFileName));
        var winner = results.Single(r => !r.Reused);
        Assert.Equal(Array.IndexOf(results, winner).ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(winner.Folder, "who.txt")));
    }

    [Fact]
    public void A_Folder_With_Another_Configuration_Is_Reported_Not_Reused()
    {
        using var temp = new TempFolder();
        var cache = new ArtifactCache(temp.Path);
        var options = new BatchOptions();
        var artifact = cache.GetOrCreate("tokenizer", options, _ => { });
        File.WriteAllText(artifact.ConfigPath, "{}");
        var error = Assert.Throws<InvalidDataException>(() => cache.TryGet("tokenizer", options, out _));
        Assert.Contains(artifact.ConfigPath, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("Tokenizer")]
    [InlineData("a/b")]
    public void A_Kind_That_Is_Not_A_Plain_Folder_Name_Is_Rejected(string kind) =>
        Assert.ThrowsAny<ArgumentException>(() => new ArtifactCache("/tmp").FolderOf(kind, new BatchOptions()));

    [Fact]
    public void The_Default_Root_Is_The_Artifacts_Variable_Or_Under_The_Cache_Variable_Or_The_Repository()
    {
        var before = Environment.GetEnvironmentVariable(ArtifactCache.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ArtifactCache.EnvironmentVariable, "/tmp/unicode-cache-test");
            Assert.Equal("/tmp/unicode-cache-test/artifacts", ArtifactCache.DefaultRoot());
            Environment.SetEnvironmentVariable(ArtifactCache.RootVariable, "/tmp/unicode-artifacts-test");
            Assert.Equal("/tmp/unicode-artifacts-test", ArtifactCache.DefaultRoot());
            Environment.SetEnvironmentVariable(ArtifactCache.RootVariable, null);
            Environment.SetEnvironmentVariable(ArtifactCache.EnvironmentVariable, null);
            var root = ArtifactCache.DefaultRoot();
            Assert.EndsWith(Path.Combine(".cache", "artifacts"), root, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(root, "..", "..", "UniCode.Kit.sln")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ArtifactCache.EnvironmentVariable, before);
        }
    }
}
