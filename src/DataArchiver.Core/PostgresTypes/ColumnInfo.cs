namespace DataArchiver.Core.PostgresTypes;

/// <summary>One column of the source relation, in table order.</summary>
/// <param name="Name">Column name.</param>
/// <param name="TypeName">The type as <c>format_type</c> prints it, e.g. <c>numeric(12,2)</c> or <c>text[]</c>.</param>
/// <param name="TypeOid">The type's OID.</param>
/// <param name="NotNull">Whether the column is declared NOT NULL.</param>
public sealed record ColumnInfo(string Name, string TypeName, uint TypeOid, bool NotNull);
