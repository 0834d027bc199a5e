using System.Runtime.InteropServices;
using DataArchiver.Core.PostgresTypes;
using ParquetSharp;

namespace DataArchiver.Core.Formats.Parquet;

/// <summary>
/// A column of variable-length values (STRING, JSON, BYTE_ARRAY), copied back to back into one buffer that is pinned
/// only while the row group is written.
/// </summary>
internal sealed class ByteArrayColumnBuffer(ParquetColumnMapping mapping) : ColumnBuffer(mapping)
{
    private const int InitialBytes = 64 * 1024;
    // Above the row group byte limit (16 MiB): a column that fills a row group keeps its room instead of regrowing it.
    private const int KeepBytes = 32 * 1024 * 1024;
    private const byte JsonbVersion = 1;
    private readonly bool _jsonb = mapping.Kind == ParquetValueKind.Jsonb;
    private readonly bool _numeric = mapping.Kind == ParquetValueKind.NumericText;
    private byte[] _bytes = new byte[InitialBytes];
    private int[] _ends = new int[256];
    private ByteArray[] _arrays = [];
    private int _used;
    private int _count;

    /// <inheritdoc />
    protected override long ValueBytes => _used + 4L * _count;

    /// <inheritdoc />
    protected override void AppendValue(ReadOnlySpan<byte> value)
    {
        if (_jsonb)
        {
            if (value.IsEmpty || value[0] != JsonbVersion)
                throw new InvalidDataException($"binary jsonb must start with version {JsonbVersion}");
            value = value[1..];
        }
        EnsureCapacity(ref _ends, _count + 1);
        if (_numeric)
        {
            EnsureCapacity(ref _bytes, checked(_used + PostgresNumericText.MeasureMax(value)));
            _used += PostgresNumericText.Format(value, _bytes.AsSpan(_used));
        }
        else
        {
            EnsureCapacity(ref _bytes, checked(_used + value.Length));
            value.CopyTo(_bytes.AsSpan(_used));
            _used += value.Length;
        }
        _ends[_count++] = _used;
    }

    /// <inheritdoc />
    protected override void WriteValues(ColumnWriter writer, int levelCount, ReadOnlySpan<short> definitions, ReadOnlySpan<short> repetitions)
    {
        EnsureCapacity(ref _arrays, _count);
        var pin = GCHandle.Alloc(_bytes, GCHandleType.Pinned);
        try
        {
            var start = pin.AddrOfPinnedObject();
            var offset = 0;
            for (var i = 0; i < _count; i++)
            {
                _arrays[i] = new ByteArray(start + offset, _ends[i] - offset);
                offset = _ends[i];
            }
            ((ColumnWriter<ByteArray>)writer).WriteBatch(levelCount, definitions, repetitions, _arrays.AsSpan(0, _count));
        }
        finally
        {
            pin.Free();
        }
    }

    /// <inheritdoc />
    protected override void ClearValues()
    {
        _used = 0;
        _count = 0;
        // One huge value must not keep its room for the rest of the file.
        if (_bytes.Length > KeepBytes)
            _bytes = new byte[InitialBytes];
    }
}
