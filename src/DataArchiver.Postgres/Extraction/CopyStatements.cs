using System.Globalization;
using System.Text;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;

namespace DataArchiver.Postgres.Extraction;

/// <summary>
/// The statements that read a unit. Identifiers are quoted through <see cref="RelationName.QuoteIdentifier"/> and
/// literals through <see cref="Literal"/>; functions and operators are named with <c>pg_catalog</c>, so no object of
/// a user's can stand in for them whatever the search path.
/// </summary>
internal static class CopyStatements
{
    /// <summary>The server's CSV of the unit, header first.</summary>
    public static string Csv(WorkUnit unit) => $"COPY (SELECT * FROM {From(unit)}) TO STDOUT (FORMAT csv, HEADER)";

    /// <summary>The binary COPY of the unit, each column in the form <paramref name="columns"/> give it.</summary>
    public static string Binary(WorkUnit unit, IReadOnlyList<ExportColumn> columns)
    {
        var list = new StringBuilder();
        foreach (var column in columns)
        {
            if (list.Length > 0)
                list.Append(", ");
            list.Append(ColumnReadPlan.SelectExpression(column));
        }
        return $"COPY (SELECT {list} FROM {From(unit)}) TO STDOUT (FORMAT binary)";
    }

    /// <summary>The exact row count of the unit.</summary>
    public static string Count(WorkUnit unit) => $"SELECT pg_catalog.count(*) FROM {From(unit)}";

    /// <summary>The planner's row estimate of the relation named by parameter <c>$1</c>.</summary>
    public const string Estimate = """
        SELECT GREATEST(c.reltuples, 0)::pg_catalog.int8 FROM pg_catalog.pg_class c
        WHERE c.oid OPERATOR(pg_catalog.=) pg_catalog.to_regclass($1)
        """;

    /// <summary>The WHERE clause of a windowed unit (empty for a whole partition).</summary>
    internal static string WhereClause(WorkUnit unit)
    {
        if (unit.Window is not { } window)
            return "";
        var column = RelationName.QuoteIdentifier(window.Column);
        return $" WHERE {column} OPERATOR(pg_catalog.>=) {Bound(window.Start, window.Type)}"
            + $" AND {column} OPERATOR(pg_catalog.<) {Bound(window.End, window.Type)}";
    }

    /// <summary>A bound as a literal of the column's own type, so the comparison can use an index on the column.</summary>
    internal static string Bound(DateTime value, DateColumnType type) => type switch
    {
        DateColumnType.TimestampTz => Literal(value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "+00") + "::pg_catalog.timestamptz",
        DateColumnType.Timestamp => Literal(value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)) + "::pg_catalog.timestamp",
        // A date column compared with a day boundary: hourly windows are rejected for dates when planning.
        _ => Literal(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) + "::pg_catalog.date",
    };

    /// <summary>A string literal (sessions run with standard_conforming_strings on, so only quotes need doubling).</summary>
    internal static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string From(WorkUnit unit) => unit.Source.Quoted + WhereClause(unit);
}
