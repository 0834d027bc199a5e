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

    /// <summary>An inner stream that blocks every write until released: a compressor that has fallen behind.</summary>
    private sealed class StalledStream : MemoryStream
    {
        public ManualResetEventSlim Entered { get; } = new();
        public ManualResetEventSlim Release { get; } = new();
        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            Entered.Set();
            Release.Wait();
        }
    }

    [Fact]
    public async Task Write_WaitingForRoomWhenCancelled_ThrowsAtOnce_AndDisposeEnds()
    {
        var inner = new StalledStream();
        using var cancellation = new CancellationTokenSource();
        var sut = new BackgroundWriteStream(inner, blockSize: 1024, depth: 1, cancellationToken: cancellation.Token);
        sut.Write(new byte[1024]);
        inner.Entered.Wait(TimeSpan.FromSeconds(10));
        sut.Write(new byte[1024]);

        var writing = Task.Run(() => sut.Write(new byte[1024]));
        await cancellation.CancelAsync();

        // The writer gives up while the inner stream is still stalled.
        var error = await Record.ExceptionAsync(() => writing.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.False(inner.Release.IsSet);
        inner.Release.Set();
        await Task.Run(sut.Dispose).WaitAsync(TimeSpan.FromSeconds(10));
        // The block the cancelled write held was never handed over.
        Assert.InRange(inner.Writes, 1, 2);
    }
}
