using System.Text;
using UniCode.Torch.Serialization;

namespace UniCode.Torch.Tests.Serialization;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("unicode-torch-atomic-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Write_replaces_the_file_and_leaves_nothing_else()
    {
        var path = Path.Combine(folder, "file.txt");
        AtomicFile.WriteAllBytes(path, "first"u8);
        AtomicFile.Write(path, stream => stream.Write("second"u8));
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }

    [Fact]
    public void A_writer_that_fails_half_way_leaves_the_previous_file_and_no_temporary_file()
    {
        var path = Path.Combine(folder, "file.txt");
        File.WriteAllText(path, "previous");
        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(Encoding.UTF8.GetBytes(new string('x', 100_000)));
            throw new IOException("disk full (simulated)");
        }));
        Assert.Equal("disk full (simulated)", error.Message);
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }

    [Fact]
    public void A_failed_first_write_creates_no_file()
    {
        var path = Path.Combine(folder, "never.txt");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, _ => throw new InvalidOperationException()));
        Assert.Empty(Directory.GetFiles(folder));
        Assert.Throws<ArgumentException>(() => AtomicFile.Write("", _ => { }));
        Assert.Throws<ArgumentNullException>(() => AtomicFile.Write(path, null!));
    }
}
