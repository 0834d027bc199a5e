using System.Buffers.Binary;
using DataArchiver.Core.PostgresTypes;
using ParquetSharp;

namespace DataArchiver.Core.Formats.Parquet;

/// <summary>
/// The values of one column for the row group being built, with their definition and repetition levels. A LIST is
/// written in the standard three-level form (optional or required group → repeated group → optional element), so a
/// NULL array, an empty array and a NULL element stay distinct.
/// </summary>
internal abstract class ColumnBuffer
{
    private readonly bool _optional;
    private readonly bool _list;
    private readonly short _maxDefinition;
    private readonly uint _elementOid;
    private short[] _definitions;
    private short[] _repetitions;

    /// <summary>Creates the buffer for <paramref name="mapping"/>.</summary>
    protected ColumnBuffer(ParquetColumnMapping mapping)
    {
        _optional = !mapping.Column.NotNull;
        _list = mapping.IsList;
        _elementOid = mapping.ElementOid;
        _maxDefinition = (short)((_optional ? 1 : 0) + (_list ? 2 : 0));
        _definitions = _maxDefinition > 0 ? new short[256] : [];
        _repetitions = _list ? new short[256] : [];
    }

    /// <summary>Levels buffered: one per row, or per element and per NULL or empty array for a LIST.</summary>
    public int LevelCount { get; private set; }

    /// <summary>Roughly the memory the buffered values and levels take.</summary>
    public long BufferedBytes => 4L * LevelCount + ValueBytes;

    /// <summary>Memory the buffered values take.</summary>
    protected abstract long ValueBytes { get; }

    /// <summary>The buffer for a column, holding values in the physical type the schema declares for it.</summary>
    public static ColumnBuffer Create(ParquetColumnMapping mapping)
    {
        var (precision, scale) = (mapping.Precision, mapping.Scale);
        return mapping.Kind switch
        {
            ParquetValueKind.Boolean => new PrimitiveColumnBuffer<bool>(mapping, PostgresBinary.ReadBoolean),
            ParquetValueKind.Int16 => new PrimitiveColumnBuffer<int>(mapping, PostgresBinary.ReadInt16),
            ParquetValueKind.Int32 => new PrimitiveColumnBuffer<int>(mapping, PostgresBinary.ReadInt32),
            ParquetValueKind.Int64 or ParquetValueKind.Time => new PrimitiveColumnBuffer<long>(mapping, PostgresBinary.ReadInt64),
            ParquetValueKind.Float => new PrimitiveColumnBuffer<float>(mapping, PostgresBinary.ReadFloat),
            ParquetValueKind.Double => new PrimitiveColumnBuffer<double>(mapping, PostgresBinary.ReadDouble),
            ParquetValueKind.Date => new PrimitiveColumnBuffer<int>(mapping, ParquetTemporal.ReadDate),
            ParquetValueKind.Timestamp or ParquetValueKind.TimestampTz => new PrimitiveColumnBuffer<long>(mapping, ParquetTemporal.ReadTimestamp),
            ParquetValueKind.Decimal => mapping.PhysicalType switch
            {
                PhysicalType.Int32 => new PrimitiveColumnBuffer<int>(mapping, field => (int)PostgresBinary.ReadDecimal(field, precision, scale)),
                PhysicalType.Int64 => new PrimitiveColumnBuffer<long>(mapping, field => (long)PostgresBinary.ReadDecimal(field, precision, scale)),
                _ => new FixedLenColumnBuffer(mapping,
                    (field, destination) => BinaryPrimitives.WriteInt128BigEndian(destination, PostgresBinary.ReadDecimal(field, precision, scale))),
            },
            ParquetValueKind.Uuid => new FixedLenColumnBuffer(mapping, CopyUuid),
            _ => new ByteArrayColumnBuffer(mapping),
        };
    }

    /// <summary>Adds one field of a row: a value, a NULL, or for a LIST the binary array.</summary>
    public void Append(ReadOnlySpan<byte> field, bool isNull)
    {
        if (!_list)
        {
            if (isNull)
            {
                if (!_optional)
                    throw new InvalidDataException("a NOT NULL column delivered NULL");
                AddLevels(0, 0);
                return;
            }
            AppendValue(field);
            AddLevels(_maxDefinition, 0);
            return;
        }
        if (isNull)
        {
            if (!_optional)
                throw new InvalidDataException("a NOT NULL column delivered NULL");
            AddLevels(0, 0);
            return;
        }
        var array = new PostgresArray(field, _elementOid);
        CheckListForm(array);
        if (array.Count == 0)
        {
            AddLevels((short)(_maxDefinition - 2), 0);
            return;
        }
        for (var i = 0; i < array.Count; i++)
        {
            var element = array.Next(out var elementIsNull);
            if (!elementIsNull)
                AppendValue(element);
            AddLevels(elementIsNull ? (short)(_maxDefinition - 1) : _maxDefinition, i == 0 ? (short)0 : (short)1);
        }
    }

    /// <summary>Writes the buffered levels and values as the column chunk of the current row group.</summary>
    public void WriteTo(ColumnWriter writer) => WriteValues(writer, LevelCount,
        _definitions.AsSpan(0, _maxDefinition > 0 ? LevelCount : 0), _repetitions.AsSpan(0, _list ? LevelCount : 0));

    /// <summary>Forgets what was written, keeping the allocated room for the next row group.</summary>
    public void Clear()
    {
        LevelCount = 0;
        ClearValues();
    }

    /// <summary>Decodes and adds one non-NULL value.</summary>
    protected abstract void AppendValue(ReadOnlySpan<byte> value);

    /// <summary>Hands levels and values to the typed column writer.</summary>
    protected abstract void WriteValues(ColumnWriter writer, int levelCount, ReadOnlySpan<short> definitions, ReadOnlySpan<short> repetitions);

    /// <summary>Forgets the buffered values.</summary>
    protected abstract void ClearValues();

    /// <summary>Makes room for <paramref name="needed"/> items in <paramref name="array"/>, doubling it.</summary>
    protected static void EnsureCapacity<T>(ref T[] array, int needed)
    {
        if (needed > array.Length)
            Array.Resize(ref array, Math.Max(needed, (int)Math.Min(2L * array.Length, Array.MaxLength)));
    }

    /// <summary>Only one-dimensional arrays starting at index 1 have an exact LIST form.</summary>
    private static void CheckListForm(in PostgresArray array)
    {
        if (array.Dimensions > 1)
            throw new ValueNotRepresentableException($"a {array.Dimensions}-dimensional array has no Parquet LIST form");
        if (array.Dimensions == 1 && array.LowerBound(0) != 1)
            throw new ValueNotRepresentableException($"an array starting at index {array.LowerBound(0)} has no Parquet LIST form (a LIST starts at 1)");
    }

    private static void CopyUuid(ReadOnlySpan<byte> field, Span<byte> destination)
    {
        if (field.Length != 16)
            throw new InvalidDataException($"expected a 16-byte uuid, got {field.Length} bytes");
        // Both PostgreSQL and Parquet hold the 16 bytes in the order of the text form.
        field.CopyTo(destination);
    }

    private void AddLevels(short definition, short repetition)
    {
        if (_maxDefinition > 0)
        {
            EnsureCapacity(ref _definitions, LevelCount + 1);
            _definitions[LevelCount] = definition;
        }
        if (_list)
        {
            EnsureCapacity(ref _repetitions, LevelCount + 1);
            _repetitions[LevelCount] = repetition;
        }
        LevelCount++;
    }
}
