namespace DataArchiver.Core.Pipeline;

/// <summary>
/// Passes writes through to a file and remembers the first one that failed. Layers above may turn that failure into
/// something else (ParquetSharp's native writer turns it into a text with a stack trace in it); the owner of the file
/// asks <see cref="Fault"/> what really went wrong.
/// </summary>
internal sealed class FaultRecordingStream(Stream inner) : Stream
{
    /// <summary>The first exception a write or flush threw, if any.</summary>
    public Exception? Fault { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (Exception error) when (Record(error))
        {
            throw;
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.WriteAsync(buffer, cancellationToken);
        }
        catch (Exception error) when (Record(error))
        {
            throw;
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
        try
        {
            inner.Flush();
        }
        catch (Exception error) when (Record(error))
        {
            throw;
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inner.FlushAsync(cancellationToken);
        }
        catch (Exception error) when (Record(error))
        {
            throw;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Keeps the first failure that is not a cancellation; always false, so the exception goes on unchanged.</summary>
    private bool Record(Exception error)
    {
        if (Fault is null && error is not OperationCanceledException)
            Fault = error;
        return false;
    }
}
