using DataArchiver.Core.Extraction;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Tests.Formats;

/// <summary>Export columns as the PostgreSQL reader plans them: decoded types in binary, any other as scalar output text.</summary>
public static class TestColumns
{
    public static IReadOnlyList<ExportColumn> Of(IEnumerable<ColumnInfo> columns) =>
        [.. columns.Select(column => WireTypes.For(column) is { } wire
            ? ExportColumn.Binary(column, wire)
            : ExportColumn.Text(column, TypeShape.Scalar(column.TypeOid)))];
}
