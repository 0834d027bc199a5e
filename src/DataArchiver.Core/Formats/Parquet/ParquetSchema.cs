using ParquetSharp;
using ParquetSharp.Schema;

namespace DataArchiver.Core.Formats.Parquet;

/// <summary>The Parquet schema of a file: one field per column, in table order. Disposing frees the native nodes.</summary>
internal sealed class ParquetSchema : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private ParquetSchema(IReadOnlyList<ParquetColumnMapping> columns)
    {
        var fields = new Node[columns.Count];
        for (var i = 0; i < columns.Count; i++)
            fields[i] = Field(columns[i]);
        Root = Own(new GroupNode("schema", Repetition.Required, fields, null));
    }

    /// <summary>The root group.</summary>
    public GroupNode Root { get; }

    /// <summary>Builds the schema of <paramref name="columns"/>.</summary>
    public static ParquetSchema Build(IReadOnlyList<ParquetColumnMapping> columns) => new(columns);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var owned in _owned)
            owned.Dispose();
        _owned.Clear();
    }

    private Node Field(ParquetColumnMapping column)
    {
        var repetition = column.Column.NotNull ? Repetition.Required : Repetition.Optional;
        if (!column.IsList)
            return Value(column.Column.Name, repetition, column);
        // The standard three-level LIST: <name> (LIST) → repeated group "list" → optional "element".
        var element = Value("element", Repetition.Optional, column);
        var list = Own(new GroupNode("list", Repetition.Repeated, [element], null));
        return Own(new GroupNode(column.Column.Name, repetition, [list], Own(LogicalType.List())));
    }

    private PrimitiveNode Value(string name, Repetition repetition, ParquetColumnMapping column)
    {
        var logical = Own(column.Kind switch
        {
            ParquetValueKind.Int16 => LogicalType.Int(16, isSigned: true),
            ParquetValueKind.Int32 => LogicalType.Int(32, isSigned: true),
            ParquetValueKind.Int64 => LogicalType.Int(64, isSigned: true),
            ParquetValueKind.Decimal => LogicalType.Decimal(column.Precision, column.Scale),
            ParquetValueKind.String or ParquetValueKind.NumericText => LogicalType.String(),
            ParquetValueKind.Json or ParquetValueKind.Jsonb => LogicalType.Json(),
            ParquetValueKind.Uuid => LogicalType.Uuid(),
            ParquetValueKind.Date => LogicalType.Date(),
            ParquetValueKind.Timestamp => LogicalType.Timestamp(isAdjustedToUtc: false, TimeUnit.Micros),
            ParquetValueKind.TimestampTz => LogicalType.Timestamp(isAdjustedToUtc: true, TimeUnit.Micros),
            ParquetValueKind.Time => LogicalType.Time(isAdjustedToUtc: false, TimeUnit.Micros),
            _ => LogicalType.None(),
        });
        var physical = column.PhysicalType;
        var length = physical == PhysicalType.FixedLenByteArray ? FixedLenColumnBuffer.Width : -1;
        return Own(new PrimitiveNode(name, repetition, logical, physical, length));
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
