using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;
using DataArchiver.Core.PostgresTypes;
using Npgsql;

namespace DataArchiver.Postgres.Extraction;

/// <summary>
/// The one place that decides how each column of a row export is read. Both formats that take fields (JSON lines and
/// Parquet) read alike: in binary when Core decodes the type (<see cref="WireTypes"/>), otherwise as the text of the
/// type's own output function, exactly what text-format COPY prints.
/// </summary>
internal static class ColumnReadPlan
{
    /// <summary>How each of <paramref name="columns"/> is read, with the shapes of the types read as text.</summary>
    public static async Task<IReadOnlyList<ExportColumn>> ForAsync(NpgsqlConnection connection, IReadOnlyList<ColumnInfo> columns,
        CancellationToken cancellationToken)
    {
        var shapes = new TypeShapeQuery(connection);
        var plan = new List<ExportColumn>(columns.Count);
        foreach (var column in columns)
        {
            plan.Add(WireTypes.For(column) is { } wire
                ? ExportColumn.Binary(column, wire)
                : ExportColumn.Text(column, await shapes.ResolveAsync(column.TypeOid, cancellationToken)));
        }
        return plan;
    }

    /// <summary>The SELECT-list expression that delivers <paramref name="column"/> in its form.</summary>
    /// <remarks>
    /// Text comes from <c>format('%s', …)</c>, which calls the type's output function directly: no cast (a type's
    /// owner may create casts, which belong to no schema) and no function a user could shadow. <c>format</c> prints
    /// NULL as empty text, so <c>num_nulls</c> (a test of the value itself, unlike <c>IS NULL</c>, which is true for a
    /// composite whose attributes are all NULL) keeps NULL apart.
    /// </remarks>
    public static string SelectExpression(ExportColumn column)
    {
        var name = RelationName.QuoteIdentifier(column.Column.Name);
        return column.Read == FieldRead.Binary
            ? name
            : $"CASE WHEN pg_catalog.num_nulls({name}) OPERATOR(pg_catalog.=) 0 THEN pg_catalog.format('%s', {name}) END";
    }
}
