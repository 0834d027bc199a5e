using System.Security.Cryptography;

namespace DataArchiver.Core.Hashing;

/// <summary>
/// A write-only stream that passes bytes to an inner stream while computing their MD5 and counting them, so the
/// checksum of the exact bytes stored is known the moment the file is complete.
/// </summary>
public sealed class HashingStream(Stream inner) : Stream
{
    private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
    private byte[]? _digest;

    /// <summary>Bytes written so far.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>The MD5 of everything written; after the first call no more writes are accepted.</summary>
    public byte[] GetMd5() => _digest ??= _md5.GetHashAndReset();

    /// <inheritdoc />
    public override bool CanRead => false;
    /// <inheritdoc />
    public override bool CanSeek => false;
    /// <inheritdoc />
    public override bool CanWrite => _digest is null;
    /// <inheritdoc />
    public override long Length => BytesWritten;
    /// <inheritdoc />
    public override long Position { get => BytesWritten; set => throw new NotSupportedException(); }
    /// <inheritdoc />
    public override void Flush() => inner.Flush();
    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();
    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_digest is not null)
            throw new InvalidOperationException("the hash was already taken");
        _md5.AppendData(buffer);
        inner.Write(buffer);
        BytesWritten += buffer.Length;
    }

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _md5.Dispose();
        base.Dispose(disposing);
    }
}
