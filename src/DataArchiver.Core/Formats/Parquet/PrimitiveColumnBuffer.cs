using System.Runtime.CompilerServices;
using ParquetSharp;

namespace DataArchiver.Core.Formats.Parquet;

/// <summary>A column of fixed-width physical values (BOOLEAN, INT32, INT64, FLOAT, DOUBLE).</summary>
internal sealed class PrimitiveColumnBuffer<T>(ParquetColumnMapping mapping, FieldDecoder<T> decode) : ColumnBuffer(mapping)
    where T : unmanaged
{
    private T[] _values = new T[256];
    private int _count;

    /// <inheritdoc />
    protected override long ValueBytes => (long)_count * Unsafe.SizeOf<T>();

    /// <inheritdoc />
    protected override void AppendValue(ReadOnlySpan<byte> value)
    {
        EnsureCapacity(ref _values, _count + 1);
        _values[_count++] = decode(value);
    }

    /// <inheritdoc />
    protected override void WriteValues(ColumnWriter writer, int levelCount, ReadOnlySpan<short> definitions, ReadOnlySpan<short> repetitions) =>
        ((ColumnWriter<T>)writer).WriteBatch(levelCount, definitions, repetitions, _values.AsSpan(0, _count));

    /// <inheritdoc />
    protected override void ClearValues() => _count = 0;
}
