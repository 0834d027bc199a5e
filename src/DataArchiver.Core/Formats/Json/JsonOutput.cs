namespace DataArchiver.Core.Formats.Json;

/// <summary>
/// A byte buffer in front of the output stream that encoders write UTF-8 into directly, so no value becomes a string.
/// It grows only when one reservation is larger than itself (a very wide number or key).
/// </summary>
internal sealed class JsonOutput(Stream output, int capacity = 64 * 1024)
{
    private byte[] _buffer = new byte[capacity];
    private int _used;

    /// <summary>At least <paramref name="size"/> writable bytes; say how many were used with <see cref="Advance"/>.</summary>
    public Span<byte> Reserve(int size)
    {
        if (size > _buffer.Length - _used)
        {
            Drain();
            if (size > _buffer.Length)
                _buffer = new byte[size];
        }
        return _buffer.AsSpan(_used);
    }

    /// <summary>Marks <paramref name="count"/> bytes of the last reservation as written.</summary>
    public void Advance(int count) => _used += count;

    /// <summary>Appends one byte.</summary>
    public void Write(byte value)
    {
        if (_used == _buffer.Length)
            Drain();
        _buffer[_used++] = value;
    }

    /// <summary>Appends <paramref name="bytes"/>; a run longer than the buffer goes straight to the stream.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _used)
        {
            Drain();
            if (bytes.Length > _buffer.Length)
            {
                output.Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    /// <summary>Appends <paramref name="bytes"/> with every CR and LF turned into a space.</summary>
    public void WriteWithoutLineBreaks(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var lineBreak = bytes.IndexOfAny((byte)'\n', (byte)'\r');
            if (lineBreak < 0)
            {
                Write(bytes);
                return;
            }
            Write(bytes[..lineBreak]);
            Write((byte)' ');
            bytes = bytes[(lineBreak + 1)..];
        }
    }

    /// <summary>Writes everything buffered to the stream and flushes it.</summary>
    public void Flush()
    {
        Drain();
        output.Flush();
    }

    private void Drain()
    {
        if (_used == 0)
            return;
        output.Write(_buffer, 0, _used);
        _used = 0;
    }
}
