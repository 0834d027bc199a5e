namespace DataArchiver.IntegrationTests.Formats;

/// <summary>
/// One column of the type matrix: its PostgreSQL type, the value of bulk row <c>g</c>, the expressions that render it
/// comparably in PostgreSQL and in DuckDB, and the DuckDB type the Parquet file must produce.
/// </summary>
internal sealed record MatrixColumn(string Name, string SqlType, bool NotNull, string Bulk, string PgExpr, string DuckExpr, string DuckType,
    Comparison Comparison)
{
    public static MatrixColumn Scalar(string name, string sqlType, string duckType, string bulk, bool notNull = false) =>
        new(name, sqlType, notNull, bulk, $"{name}::text", $"{name}::VARCHAR", duckType, Comparison.Text);

    /// <summary>
    /// A column DuckDB returns as it is: a STRING holding the text of the type's output function (what concat prints;
    /// a cast to text may differ, e.g. for inet or char(n)).
    /// </summary>
    public static MatrixColumn Text(string name, string sqlType, string bulk, string? pgExpr = null) =>
        new(name, sqlType, false, bulk, pgExpr ?? $"CASE WHEN {name} IS NULL THEN NULL ELSE concat({name}) END", name, "VARCHAR", Comparison.Text);

    /// <summary>A float column both sides return as a number, compared bit for bit.</summary>
    public static MatrixColumn Float(string name, string sqlType, string duckType, string bulk) =>
        new(name, sqlType, false, bulk, name, name, duckType, Comparison.Bits);

    /// <summary>A float array column, widened to double on both sides (exactly) and compared bit for bit.</summary>
    public static MatrixColumn FloatList(string name, string sqlType, string duckType, string bulk) =>
        new(name, sqlType, false, bulk, $"{name}::float8[]", $"{name}::DOUBLE[]", duckType, Comparison.FloatListBits);

    /// <summary>An array column compared element by element as text.</summary>
    public static MatrixColumn List(string name, string sqlType, string duckType, string bulk, bool notNull = false,
        string pgElement = "e::text", string duckElement = "x::VARCHAR") =>
        new(name, sqlType, notNull, bulk,
            $"CASE WHEN {name} IS NULL THEN NULL ELSE coalesce((SELECT json_agg({pgElement} ORDER BY o) FROM unnest({name}) WITH ORDINALITY u(e, o)), '[]')::text END",
            $"CASE WHEN {name} IS NULL THEN NULL ELSE to_json(list_transform({name}, lambda x: {duckElement}))::VARCHAR END",
            duckType, Comparison.JsonList);
}
