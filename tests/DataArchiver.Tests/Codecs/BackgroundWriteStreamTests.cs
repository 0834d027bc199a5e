using DataArchiver.Core.Codecs;

namespace DataArchiver.Tests.Codecs;

public sealed class BackgroundWriteStreamTests
{
    private sealed class FailingStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("disk full");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(70_000)]
    public void Write_ManyPiecesOfAnySize_InnerGetsExactlyTheSameBytes(int pieceSize)
    {
        var data = new byte[3_000_001];
        new Random(pieceSize).NextBytes(data);
        using var inner = new MemoryStream();
        using var sut = new BackgroundWriteStream(inner, blockSize: 64 * 1024, depth: 2);

        for (var offset = 0; offset < data.Length; offset += pieceSize)
            sut.Write(data.AsSpan(offset, Math.Min(pieceSize, data.Length - offset)));
        sut.Complete();

        Assert.Equal(data, inner.ToArray());
    }

    [Fact]
    public void Complete_InnerFails_ErrorSurfaces()
    {
        using var sut = new BackgroundWriteStream(new FailingStream(), blockSize: 1024, depth: 2);

        var error = Record.Exception(() =>
        {
            sut.Write(new byte[10_000]);
            sut.Complete();
        });

        Assert.IsType<IOException>(error);
    }

    [Fact]
    public void Dispose_WithoutComplete_StopsTheDrainAndWritesNoMore()
    {
        using var inner = new MemoryStream();
        var sut = new BackgroundWriteStream(inner, blockSize: 1024, depth: 2);
        sut.Write(new byte[10_000]);

        sut.Dispose();

        Assert.False(sut.CanWrite);
        Assert.True(inner.Length <= 10_000);
        Assert.Equal(0, inner.Length % 1024);
    }

    [Fact]
    public void Write_InnerFailsWhileTheWriterWaitsForRoom_ErrorSurfacesInsteadOfHanging()
    {
        using var sut = new BackgroundWriteStream(new FailingStream(), blockSize: 16, depth: 1);

        var error = Record.Exception(() =>
        {
            for (var i = 0; i < 1000; i++)
                sut.Write(new byte[64]);
        });

        Assert.IsType<IOException>(error);
    }
}
