using System.Runtime.InteropServices;
using ParquetSharp;

namespace DataArchiver.Core.Formats.Parquet;

/// <summary>A column of 16-byte FIXED_LEN_BYTE_ARRAY values (UUID, wide DECIMAL).</summary>
internal sealed class FixedLenColumnBuffer(ParquetColumnMapping mapping, FixedDecoder decode) : ColumnBuffer(mapping)
{
    /// <summary>The width of every value.</summary>
    public const int Width = 16;

    private byte[] _bytes = new byte[256 * Width];
    private FixedLenByteArray[] _arrays = [];
    private int _count;

    /// <inheritdoc />
    protected override long ValueBytes => (long)_count * Width;

    /// <inheritdoc />
    protected override void AppendValue(ReadOnlySpan<byte> value)
    {
        EnsureCapacity(ref _bytes, (_count + 1) * Width);
        decode(value, _bytes.AsSpan(_count * Width, Width));
        _count++;
    }

    /// <inheritdoc />
    protected override void WriteValues(ColumnWriter writer, int levelCount, ReadOnlySpan<short> definitions, ReadOnlySpan<short> repetitions)
    {
        EnsureCapacity(ref _arrays, _count);
        var pin = GCHandle.Alloc(_bytes, GCHandleType.Pinned);
        try
        {
            var start = pin.AddrOfPinnedObject();
            for (var i = 0; i < _count; i++)
                _arrays[i] = new FixedLenByteArray(start + i * Width);
            ((ColumnWriter<FixedLenByteArray>)writer).WriteBatch(levelCount, definitions, repetitions, _arrays.AsSpan(0, _count));
        }
        finally
        {
            pin.Free();
        }
    }

    /// <inheritdoc />
    protected override void ClearValues() => _count = 0;
}
