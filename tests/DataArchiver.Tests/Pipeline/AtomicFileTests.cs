using DataArchiver.Core.Pipeline;

namespace DataArchiver.Tests.Pipeline;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("da-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Target => Path.Combine(_dir, "state.json");

    [Fact]
    public void Write_Completes_ReplacesTheFileAndLeavesNothingElse()
    {
        File.WriteAllText(Target, "old");

        AtomicFile.Write(Target, stream => stream.Write("new"u8));

        Assert.Equal("new", File.ReadAllText(Target));
        Assert.Equal([Target], Directory.GetFiles(_dir));
    }

    [Fact]
    public void Write_WriterThrows_OldFileStaysAndNoTempFileRemains()
    {
        File.WriteAllText(Target, "old");

        Assert.Throws<IOException>(() => AtomicFile.Write(Target, stream =>
        {
            stream.Write("half"u8);
            throw new IOException("No space left on device");
        }));

        Assert.Equal("old", File.ReadAllText(Target));
        Assert.Equal([Target], Directory.GetFiles(_dir));
    }

    [Fact]
    public void Commit_RenameRefused_NoTempFileRemains()
    {
        Directory.CreateDirectory(Target); // a directory where the file should go: the rename fails

        Assert.ThrowsAny<IOException>(() => AtomicFile.Write(Target, stream => stream.Write("new"u8)));

        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void Dispose_WithoutCommit_RemovesTheTempFile()
    {
        string temp;
        using (var file = AtomicFile.Create(Target))
        {
            file.Stream.Write("never committed"u8);
            temp = file.TempPath;
            Assert.True(File.Exists(temp));
            Assert.StartsWith(TempFiles.Prefix, Path.GetFileName(temp), StringComparison.Ordinal);
        }

        Assert.False(File.Exists(temp));
        Assert.False(File.Exists(Target));
    }
}
