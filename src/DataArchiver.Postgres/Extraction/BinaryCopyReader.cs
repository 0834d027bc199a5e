using System.Buffers.Binary;
using DataArchiver.Core.Extraction;

namespace DataArchiver.Postgres.Extraction;

/// <summary>
/// Splits the byte stream of <c>COPY … TO STDOUT (FORMAT binary)</c> into tuples without allocating per row: each
/// tuple is made contiguous in one reusable buffer and handed out as slices. The buffer grows only for a tuple
/// larger than itself. Reads are synchronous: Npgsql hands out at most one COPY message (one row) per read, and
/// its asynchronous read allocates on every call.
/// </summary>
internal sealed class BinaryCopyReader(Stream input, int fieldCount)
{
    // Below the large object heap's threshold; a read brings at most one row, and the buffer grows for a larger one.
    private byte[] _buffer = new byte[64 * 1024];
    private readonly FieldSlice[] _fields = new FieldSlice[fieldCount];
    private int _start;
    private int _end;
    private bool _headerRead;
    private bool _finished;

    /// <summary>The fields of the current tuple, relative to <see cref="Tuple"/>.</summary>
    public ReadOnlySpan<FieldSlice> Fields => _fields;

    /// <summary>The bytes of the current tuple.</summary>
    public ReadOnlySpan<byte> Tuple => _buffer.AsSpan(_tupleStart, _tupleLength);

    private int _tupleStart;
    private int _tupleLength;

    /// <summary>Moves to the next tuple; <c>false</c> at the end of the data.</summary>
    public bool Read()
    {
        if (_finished)
            return false;
        if (!_headerRead)
        {
            ReadHeader();
            _headerRead = true;
        }
        while (true)
        {
            var parsed = TryParseTuple();
            if (parsed == ParseResult.Tuple)
                return true;
            if (parsed == ParseResult.End)
            {
                _finished = true;
                return false;
            }
            if (!Fill())
                throw new InvalidDataException("the COPY data ended inside a row");
        }
    }

    private enum ParseResult { NeedMore, Tuple, End }

    private ParseResult TryParseTuple()
    {
        var span = _buffer.AsSpan(_start, _end - _start);
        if (span.Length < 2)
            return ParseResult.NeedMore;
        var count = BinaryPrimitives.ReadInt16BigEndian(span);
        if (count == -1)
        {
            _start += 2;
            return ParseResult.End;
        }
        if (count != _fields.Length)
            throw new InvalidDataException($"a COPY row has {count} fields, expected {_fields.Length}");
        var offset = 2;
        for (var i = 0; i < count; i++)
        {
            if (span.Length < offset + 4)
                return ParseResult.NeedMore;
            var length = BinaryPrimitives.ReadInt32BigEndian(span[offset..]);
            offset += 4;
            if (length < 0)
            {
                _fields[i] = new FieldSlice(offset, -1);
                continue;
            }
            if (span.Length < offset + length)
            {
                EnsureRoom(offset + length);
                return ParseResult.NeedMore;
            }
            _fields[i] = new FieldSlice(offset, length);
            offset += length;
        }
        _tupleStart = _start;
        _tupleLength = offset;
        _start += offset;
        return ParseResult.Tuple;
    }

    private void EnsureRoom(int tupleBytes)
    {
        if (tupleBytes > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(tupleBytes, _buffer.Length * 2));
    }

    private bool Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = input.Read(_buffer.AsSpan(_end));
        _end += read;
        return read > 0;
    }

    private void ReadHeader()
    {
        while (_end - _start < 19)
        {
            if (!Fill())
                throw new InvalidDataException("the COPY data ended inside its header");
        }
        var header = _buffer.AsSpan(_start, 19);
        if (!header[..11].SequenceEqual(SignatureBytes))
            throw new InvalidDataException("not PostgreSQL binary COPY data");
        var extension = BinaryPrimitives.ReadInt32BigEndian(header[15..]);
        _start += 19;
        while (_end - _start < extension)
        {
            if (!Fill())
                throw new InvalidDataException("the COPY data ended inside its header");
        }
        _start += extension;
    }

    private static ReadOnlySpan<byte> SignatureBytes => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
}
