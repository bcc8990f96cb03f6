using UniCode.Kit.Data.Batching;
using UniCode.Kit.Data.Datasets;

namespace UniCode.Kit.Tests.Data.Datasets;

public sealed class ImageFolderDatasetTests
{
    [Fact]
    public void Classes_are_sorted_folders_and_labels_their_indices()
    {
        using var temp = new TempFolder();
        TestImages.Write(temp.File("zebra/b.png"), 10, 10, 0, 0, 0);
        TestImages.Write(temp.File("zebra/a.jpg"), 10, 10, 0, 0, 0);
        TestImages.Write(temp.File("apple/nested/x.png"), 12, 20, 255, 0, 0);
        File.WriteAllText(temp.File("apple/readme.txt"), "not an image");
        TestImages.Write(temp.File("mango/m.PNG"), 10, 10, 0, 255, 0);
        var dataset = ImageFolderDataset.Load(temp.Path, new ImageFileOptions { Size = 6 });
        Assert.Equal(["apple", "mango", "zebra"], dataset.ClassNames);
        Assert.Equal(4, dataset.Count);
        Assert.Equal([0L, 1, 2, 2], Enumerable.Range(0, 4).Select(dataset.LabelAt));
        Assert.EndsWith(Path.Combine("zebra", "a.jpg"), dataset.Entries[2].Path, StringComparison.Ordinal);
        var apple = dataset.Get(0);
        Assert.Equal("apple", apple.Caption);
        Assert.Equal((6, 6, 3), (apple.Image.Height, apple.Image.Width, apple.Image.Channels));
        Assert.Equal(255, apple.Image[0, 0, 0]);
        using var batch = new ImageBatcher(dataset, new BatchOptions { BatchSize = 4, Shuffle = false }).Epoch(0).Single();
        Assert.Equal([0L, 1, 2, 2], batch.Labels.ToArray<long>());
    }

    [Fact]
    public void An_empty_class_folder_or_missing_root_is_an_error_naming_it()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "empty"));
        TestImages.Write(temp.File("full/a.png"), 4, 4, 0, 0, 0);
        var error = Assert.Throws<InvalidDataException>(() => ImageFolderDataset.Load(temp.Path));
        Assert.Contains(Path.Combine(temp.Path, "empty"), error.Message);
        var missing = Path.Combine(temp.Path, "nope");
        Assert.Contains(missing, Assert.Throws<DirectoryNotFoundException>(() => ImageFolderDataset.Load(missing)).Message);
    }

    [Fact]
    public void A_corrupt_image_is_an_error_naming_the_file()
    {
        using var temp = new TempFolder();
        var bad = temp.File("cls/bad.png");
        File.WriteAllBytes(bad, [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var dataset = ImageFolderDataset.Load(temp.Path);
        Assert.Contains(bad, Assert.Throws<InvalidDataException>(() => dataset.Get(0)).Message);
    }
}
