using UniCode.Kit.Data;
using UniCode.Kit.Data.Batching;

namespace UniCode.Kit.Tests.Data;

public sealed class TextCorpusTests
{
    [Fact]
    public void Text_batches_cover_the_corpus_once_per_epoch_in_seeded_orders()
    {
        var corpus = new TextCorpus("t", Enumerable.Range(0, 23).Select(i => $"text {i}"));
        var batcher = corpus.Batches(new BatchOptions { BatchSize = 5, Seed = 4 });
        var epoch0 = batcher.Epoch(0).ToArray();
        Assert.Equal([5, 5, 5, 5, 3], epoch0.Select(b => b.Count));
        Assert.Equal(corpus.Texts.Order(), epoch0.SelectMany(b => b).Order());
        Assert.Equal(epoch0.SelectMany(b => b), batcher.Epoch(0).SelectMany(b => b));
        Assert.NotEqual(epoch0.SelectMany(b => b), batcher.Epoch(1).SelectMany(b => b));
    }

    [Fact]
    public void Corpus_split_is_seeded_and_disjoint()
    {
        var corpus = new TextCorpus("t", Enumerable.Range(0, 100).Select(i => $"text {i}"));
        var (train, held) = corpus.Split(0.1, 3);
        Assert.Equal(10, held.Count);
        Assert.Equal(90, train.Count);
        Assert.Empty(train.Texts.Intersect(held.Texts));
        Assert.Equal(held.Texts, corpus.Split(0.1, 3).HeldOut.Texts);
    }
}
