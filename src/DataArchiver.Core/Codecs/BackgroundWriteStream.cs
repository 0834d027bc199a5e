namespace DataArchiver.Core.Codecs;

/// <summary>
/// Hands what is written to it over to a thread of its own that writes it on to the inner stream (the compressor, the
/// hash and the file), so reading rows and compressing them overlap. At most <c>depth</c> blocks wait, so memory
/// stays bounded; the blocks come from a <see cref="BlockPool"/> and go back to it once written. An error on the inner
/// side surfaces on the next write or on <see cref="Complete"/>.
/// </summary>
internal sealed class BackgroundWriteStream : Stream
{
    private readonly Stream _inner;
    private readonly BlockPool _pool;
    private readonly BlockQueue<(byte[] Block, int Length)> _blocks;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenSource _wait;
    private readonly Task _drain;
    private byte[]? _current;
    private int _used;
    private bool _completed;

    /// <summary>Starts the drain thread; blocks of the shared pool unless another <paramref name="blockSize"/> is asked for.</summary>
    /// <remarks>A writer waiting for room gives up when <paramref name="cancellationToken"/> is cancelled, so an interrupted
    /// unit stops at once even when the compressor is behind; disposing the abandoned stream drops what is queued.</remarks>
    public BackgroundWriteStream(Stream inner, int blockSize = BlockPool.DefaultBlockSize, int depth = 4, CancellationToken cancellationToken = default)
    {
        _inner = inner;
        _cancellationToken = cancellationToken;
        _wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, cancellationToken);
        _pool = blockSize == BlockPool.DefaultBlockSize ? BlockPool.Shared : new BlockPool(blockSize, depth + 2);
        _blocks = new BlockQueue<(byte[], int)>(depth);
        _current = _pool.Rent();
        // The drain compresses for as long as the unit runs: a thread of its own keeps it off the thread pool.
        _drain = Task.Factory.StartNew(Drain, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
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
            var current = _current ??= _pool.Rent();
            var take = Math.Min(buffer.Length, current.Length - _used);
            buffer[..take].CopyTo(current.AsSpan(_used));
            _used += take;
            buffer = buffer[take..];
            if (_used == current.Length)
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
        _blocks.CompleteAdding();
        ReturnCurrent();
        _drain.GetAwaiter().GetResult();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!_completed)
            {
                // Abandoned (an error upstream): stop the drain; it gives its blocks back.
                _completed = true;
                _blocks.CompleteAdding();
                _stop.Cancel();
                try
                {
                    _drain.GetAwaiter().GetResult();
                }
                catch (Exception)
                {
                    // The upstream error is the one that matters.
                }
                ReturnCurrent();
            }
            _wait.Dispose();
            _stop.Dispose();
        }
        base.Dispose(disposing);
    }

    private void HandOver()
    {
        if (_drain.IsFaulted)
            _drain.GetAwaiter().GetResult();
        var block = (_current!, _used);
        _current = null;
        _used = 0;
        try
        {
            // Blocking here is the back-pressure that bounds memory; it waits only while the compressor is behind.
            _blocks.Add(block, _wait.Token);
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested && !_stop.IsCancellationRequested)
        {
            // Interrupted while waiting for room: the block was not handed over.
            _pool.Return(block.Item1);
            throw;
        }
        catch (OperationCanceledException)
        {
            // The drain failed while we waited for room: its error is the one to report.
            _pool.Return(block.Item1);
            _drain.GetAwaiter().GetResult();
            throw;
        }
    }

    private void ReturnCurrent()
    {
        if (_current is { } current)
            _pool.Return(current);
        _current = null;
    }

    private void Drain()
    {
        try
        {
            while (_blocks.TryTake(out var item, _stop.Token))
            {
                var (block, length) = item;
                try
                {
                    _inner.Write(block, 0, length);
                }
                finally
                {
                    _pool.Return(block);
                }
            }
        }
        catch (Exception error)
        {
            // Wake a writer waiting for room so it sees the failure, and give back what will never be written.
            if (error is not OperationCanceledException)
                _stop.Cancel();
            while (_blocks.TryTakeNow(out var left))
                _pool.Return(left.Block);
            throw;
        }
    }
}
