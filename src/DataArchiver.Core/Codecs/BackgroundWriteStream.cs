using System.Buffers;
using System.Threading.Channels;

namespace DataArchiver.Core.Codecs;

/// <summary>
/// Hands what is written to it over to a second thread that writes it on to the inner stream (the compressor, the
/// hash and the file), so reading rows and compressing them overlap. At most <c>depth</c> blocks are in flight, so
/// memory stays bounded; an error on the inner side surfaces on the next write or on <see cref="Complete"/>. A writer
/// waiting for room gives up when the token is cancelled, and an abandoned stream drops the blocks still queued
/// instead of compressing them, so an interrupted unit stops at once even when the compressor is behind.
/// </summary>
internal sealed class BackgroundWriteStream : Stream
{
    private readonly Stream _inner;
    private readonly Channel<(byte[] Block, int Length)> _blocks;
    private readonly Task _drain;
    private readonly int _blockSize;
    private readonly CancellationToken _cancellationToken;
    private byte[] _current;
    private int _used;
    private bool _completed;
    private volatile bool _abandoned;

    public BackgroundWriteStream(Stream inner, int blockSize = 1 << 20, int depth = 4, CancellationToken cancellationToken = default)
    {
        _inner = inner;
        _cancellationToken = cancellationToken;
        _blockSize = blockSize;
        _current = ArrayPool<byte>.Shared.Rent(blockSize);
        _blocks = Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(depth) { SingleReader = true, SingleWriter = true });
        // The drain runs to its end whatever the token says: it stops when the channel is completed.
        _drain = Task.Run(DrainAsync, CancellationToken.None);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !_completed;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Flush()
    {
        // Blocks move on when full; Complete() hands over the rest. A flush from a format writer needs no round trip.
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, _blockSize - _used);
            buffer[..take].CopyTo(_current.AsSpan(_used));
            _used += take;
            buffer = buffer[take..];
            if (_used == _blockSize)
                HandOver();
        }
    }

    /// <summary>Hands over the last block, waits until the inner stream has written everything, and rethrows its failure.</summary>
    public void Complete()
    {
        if (_completed)
            return;
        if (_used > 0)
            HandOver();
        _completed = true;
        _blocks.Writer.TryComplete();
        ArrayPool<byte>.Shared.Return(_current);
        _drain.GetAwaiter().GetResult();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_completed)
        {
            // Abandoned (an error upstream, or cancelled): what is still queued is dropped, not compressed.
            _completed = true;
            _abandoned = true;
            _blocks.Writer.TryComplete(new OperationCanceledException("abandoned"));
            try
            {
                _drain.GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // The upstream error is the one that matters.
            }
            ArrayPool<byte>.Shared.Return(_current);
        }
        base.Dispose(disposing);
    }

    private void HandOver()
    {
        if (_drain.IsFaulted)
            _drain.GetAwaiter().GetResult();
        var block = (_current, _used);
        // Blocking here is the back-pressure that bounds memory; it waits only while the compressor is behind.
        try
        {
            if (!_blocks.Writer.TryWrite(block))
                _blocks.Writer.WriteAsync(block, _cancellationToken).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            ArrayPool<byte>.Shared.Return(block.Item1);
            _drain.GetAwaiter().GetResult();
            throw;
        }
        catch (OperationCanceledException)
        {
            // The block was not handed over: it is still the current one, which Dispose returns.
            throw;
        }
        _current = ArrayPool<byte>.Shared.Rent(_blockSize);
        _used = 0;
    }

    private async Task DrainAsync()
    {
        try
        {
            await foreach (var (block, length) in _blocks.Reader.ReadAllAsync())
            {
                try
                {
                    if (!_abandoned)
                        _inner.Write(block, 0, length);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(block);
                }
            }
        }
        catch (Exception error)
        {
            // Close the channel so a writer waiting for room wakes up and sees the failure.
            _blocks.Writer.TryComplete(error);
            while (_blocks.Reader.TryRead(out var left))
                ArrayPool<byte>.Shared.Return(left.Block);
            throw;
        }
    }
}
