using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Core.Formats;

/// <summary>What a format wrote for one unit.</summary>
/// <param name="Rows">The number of rows.</param>
/// <param name="Columns">The unit's columns in table order.</param>
public sealed record FormatResult(long Rows, IReadOnlyList<ColumnInfo> Columns);
