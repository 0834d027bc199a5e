using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Core.Formats;

/// <summary>What a format wrote for one unit.</summary>
/// <param name="Rows">The number of rows.</param>
/// <param name="Columns">The unit's columns in table order.</param>
/// <param name="SourceBytes">
/// For a format that compresses inside the file (Parquet), the bytes of the rows as PostgreSQL sent them: what the
/// summary compares the file with, since no uncompressed stream exists. <c>null</c> for the other formats, whose
/// uncompressed output is counted on its way to the codec.
/// </param>
public sealed record FormatResult(long Rows, IReadOnlyList<ColumnInfo> Columns, long? SourceBytes = null);
