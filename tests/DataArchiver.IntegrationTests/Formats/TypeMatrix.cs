namespace DataArchiver.IntegrationTests.Formats;

/// <summary>How a column's values are compared between PostgreSQL and DuckDB.</summary>
internal enum Comparison
{
    /// <summary>Both sides render text that must be identical.</summary>
    Text,
    /// <summary>Both sides return a float or double whose bits must be identical (NaN, ±Infinity, -0).</summary>
    Bits,
    /// <summary>Both sides render a JSON array of element texts that must be equal as JSON.</summary>
    JsonList,
    /// <summary>Both sides return a list of doubles whose bits must be identical.</summary>
    FloatListBits,
}

/// <summary>
/// One column of the type matrix: its PostgreSQL type, the value of bulk row <c>g</c>, the expressions that render it
/// comparably in PostgreSQL and in DuckDB, and the DuckDB type the Parquet file must produce.
/// </summary>
internal sealed record MatrixColumn(string Name, string SqlType, bool NotNull, string Bulk, string PgExpr, string DuckExpr, string DuckType,
    Comparison Comparison)
{
    public static MatrixColumn Scalar(string name, string sqlType, string duckType, string bulk, bool notNull = false) =>
        new(name, sqlType, notNull, bulk, $"{name}::text", $"{name}::VARCHAR", duckType, Comparison.Text);

    /// <summary>A column DuckDB returns as it is: a STRING holding PostgreSQL's text output.</summary>
    public static MatrixColumn Text(string name, string sqlType, string bulk, string? pgExpr = null) =>
        new(name, sqlType, false, bulk, pgExpr ?? $"{name}::text", name, "VARCHAR", Comparison.Text);

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

/// <summary>The fixture: every type of the Parquet mapping, edge values in hand-written rows and a thousand generated rows.</summary>
internal static class TypeMatrix
{
    public const int FirstBulkId = 1000;
    public const int BulkRows = 1000;

    public static IReadOnlyList<MatrixColumn> Columns(string mood) =>
    [
        MatrixColumn.Scalar("id", "bigint", "BIGINT", "g", notNull: true),
        MatrixColumn.Scalar("i4_nn", "integer", "INTEGER", "g", notNull: true),
        MatrixColumn.Scalar("t_nn", "text", "VARCHAR", "'row ' || g", notNull: true),
        MatrixColumn.Scalar("ts_nn", "timestamptz", "TIMESTAMP WITH TIME ZONE", "timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute 1.000001 second'", notNull: true),
        MatrixColumn.List("arr_nn", "integer[]", "INTEGER[]", "ARRAY[g, g + 1]", notNull: true),
        MatrixColumn.Scalar("b", "boolean", "BOOLEAN", "g % 2 = 0"),
        MatrixColumn.Scalar("i2", "smallint", "SMALLINT", "(g % 30000 - 15000)::smallint"),
        MatrixColumn.Scalar("i4", "integer", "INTEGER", "g * 1000"),
        MatrixColumn.Scalar("i8", "bigint", "BIGINT", "g::bigint * 1000000000000"),
        MatrixColumn.Float("f4", "real", "FLOAT", "(g / 7.0)::real"),
        MatrixColumn.Float("f8", "double precision", "DOUBLE", "g / 7.0::float8"),
        MatrixColumn.Scalar("n_small", "numeric(4,2)", "DECIMAL(4,2)", "((g % 9999) / 100.0 - 50)::numeric(4,2)"),
        MatrixColumn.Scalar("n_mid", "numeric(15,3)", "DECIMAL(15,3)", "(g * -1234.567)::numeric(15,3)"),
        MatrixColumn.Scalar("n_wide", "numeric(38,10)", "DECIMAL(38,10)", "(g::numeric * 1234567890123.0123456789 * 1000000000000)::numeric(38,10)"),
        MatrixColumn.Scalar("n_int", "numeric(20,0)", "DECIMAL(20,0)", "g::numeric * 10000000000000000"),
        MatrixColumn.Text("n_free", "numeric", "g::numeric / 3"),
        MatrixColumn.Text("n_huge", "numeric(50,5)", "g::numeric * 10::numeric ^ 40 + 0.5"),
        MatrixColumn.Text("n_negscale", "numeric(5,-2)", "g * 100"),
        MatrixColumn.Text("t", "text", "repeat('t', g % 50)"),
        MatrixColumn.Text("vc", "varchar(20)", "'v' || g"),
        // char(n)::text drops the padding that its text output has; concat() keeps it.
        MatrixColumn.Text("ch", "char(5)", "(g % 1000)::text", "CASE WHEN ch IS NULL THEN NULL ELSE concat(ch) END"),
        MatrixColumn.Text("nm", "name", "'name' || g"),
        MatrixColumn.Text("en", mood, $"(enum_range(NULL::{mood}))[g % 3 + 1]"),
        MatrixColumn.Scalar("u", "uuid", "UUID", "md5(g::text)::uuid"),
        MatrixColumn.Scalar("j", "json", "JSON", "json_build_object('g', g, 's', 'x' || g)"),
        MatrixColumn.Scalar("jb", "jsonb", "JSON", "jsonb_build_object('g', g, 'arr', jsonb_build_array(g, g::text, null))"),
        new("bin", "bytea", false, "decode(md5(g::text), 'hex')", "encode(bin, 'hex')", "lower(hex(bin))", "BLOB", Comparison.Text),
        MatrixColumn.Scalar("d", "date", "DATE", "date '2000-01-01' + g * 7"),
        MatrixColumn.Scalar("ts", "timestamp", "TIMESTAMP", "timestamp '2020-01-01' + g * interval '1 hour 0.123456 second'"),
        // DuckDB renders timestamptz through ICU, which rounds near the end of the range: compare microseconds since 1970.
        new("tstz", "timestamptz", false, "timestamptz '2020-01-01 00:00:00+00' - g * interval '1 day 0.5 second'",
            "CASE WHEN isfinite(tstz) THEN (extract(epoch FROM tstz) * 1000000)::bigint::text ELSE tstz::text END",
            "CASE WHEN isfinite(tstz) THEN epoch_us(tstz)::VARCHAR ELSE tstz::VARCHAR END", "TIMESTAMP WITH TIME ZONE", Comparison.Text),
        MatrixColumn.Scalar("tm", "time", "TIME", "time '00:00:00' + g * interval '1 minute 0.000001 second'"),
        MatrixColumn.Scalar("ts3", "timestamp(3)", "TIMESTAMP", "timestamp '2024-02-29 12:00:00' + g * interval '1.001 second'"),
        MatrixColumn.Text("tz", "timetz", "(time '10:00' + g * interval '1 second')::timetz"),
        MatrixColumn.Text("iv", "interval", "g * interval '1 day 1.5 second'"),
        MatrixColumn.Text("ip", "inet", "('10.0.' || (g % 256) || '.1/24')::inet"),
        MatrixColumn.Text("mn", "money", "(g * 1.25)::money"),
        MatrixColumn.Text("x", "xml", "('<r g=\"' || g || '\"/>')::xml"),
        MatrixColumn.List("a_i2", "smallint[]", "SMALLINT[]", "ARRAY[g::smallint, NULL, -g::smallint]"),
        MatrixColumn.List("a_i8", "bigint[]", "BIGINT[]", "ARRAY[g::bigint << 40]"),
        MatrixColumn.List("a_text", "text[]", "VARCHAR[]", "ARRAY['a' || g, NULL, 'b,\"' || g]"),
        MatrixColumn.List("a_vc", "varchar(10)[]", "VARCHAR[]", "ARRAY[g::text]::varchar(10)[]"),
        MatrixColumn.List("a_ch", "char(3)[]", "VARCHAR[]", "ARRAY[(g % 10)::text]::char(3)[]", pgElement: "CASE WHEN e IS NULL THEN NULL ELSE concat(e) END"),
        MatrixColumn.List("a_num", "numeric(10,2)[]", "DECIMAL(10,2)[]", "ARRAY[g / 8.0, NULL]::numeric(10,2)[]"),
        MatrixColumn.List("a_wide", "numeric(30,4)[]", "DECIMAL(30,4)[]", "ARRAY[g::numeric * 100000000000000000000 + 0.0001]::numeric(30,4)[]"),
        MatrixColumn.List("a_free", "numeric[]", "VARCHAR[]", "ARRAY[g::numeric / 7, 'NaN']"),
        MatrixColumn.List("a_ts", "timestamp[]", "TIMESTAMP[]", "ARRAY[timestamp '2001-02-03 04:05:06.789' + g * interval '1 second']"),
        MatrixColumn.List("a_tstz", "timestamptz[]", "TIMESTAMP WITH TIME ZONE[]", "ARRAY[timestamptz '2001-02-03 04:05:06.789+00' + g * interval '1 second', NULL]"),
        MatrixColumn.List("a_bool", "boolean[]", "BOOLEAN[]", "ARRAY[g % 3 = 0, NULL]"),
        MatrixColumn.List("a_uuid", "uuid[]", "UUID[]", "ARRAY[md5((g + 1)::text)::uuid]"),
        MatrixColumn.List("a_json", "json[]", "JSON[]", "ARRAY[json_build_array(g)]"),
        MatrixColumn.List("a_jsonb", "jsonb[]", "JSON[]", "ARRAY[jsonb_build_object('k', g), NULL]"),
        MatrixColumn.List("a_bytea", "bytea[]", "BLOB[]", "ARRAY[decode(lpad(to_hex(g), 8, '0'), 'hex')]",
            pgElement: "encode(e, 'hex')", duckElement: "lower(hex(x))"),
        MatrixColumn.List("a_date", "date[]", "DATE[]", "ARRAY[date '1999-12-31' - g]"),
        MatrixColumn.List("a_time", "time[]", "TIME[]", "ARRAY[time '12:00' + g * interval '1 second']"),
        MatrixColumn.FloatList("a_f4", "real[]", "FLOAT[]", "ARRAY[g / 4.0, NULL]::real[]"),
        MatrixColumn.FloatList("a_f8", "float8[]", "DOUBLE[]", "ARRAY[g / 4.0]::float8[]"),
        MatrixColumn.List("a_nm", "name[]", "VARCHAR[]", "ARRAY[('n' || g)::name]"),
        MatrixColumn.Text("a_inet", "inet[]", "ARRAY[('192.168.0.' || (g % 256))::inet]"),
        MatrixColumn.Text("a_en", mood + "[]", $"ARRAY[(enum_range(NULL::{mood}))[g % 3 + 1]]"),
    ];

    /// <summary>Hand-written rows: each sets some columns (SQL literals), the NOT NULL ones get plain defaults.</summary>
    public static IReadOnlyList<(int Id, (string Column, string Value)[] Values)> EdgeRows(string mood) =>
    [
        (1, []),
        (2, [("t_nn", "''"), ("t", "''"), ("vc", "''"), ("ch", "''"), ("nm", "''"), ("j", "'\"\"'"), ("jb", "'\"\"'"), ("bin", "'\\x'"),
            ("a_text", "'{\"\",NULL}'"), ("arr_nn", "'{}'")]),
        (3, [("t", "E'quote \" comma , CR \\r LF \\n CRLF \\r\\n tab \\t backslash \\\\ end'"), ("vc", "'a,b\"c''d'"), ("ch", "'a\"b'"),
            ("nm", "'x y,\"z\"'"), ("a_text", "ARRAY['a', 'b,c', '\"q\"', NULL, 'back\\slash', '{brace}', ' spaced ', 'NULL', E'line\\nbreak']"),
            ("a_vc", "ARRAY['\"', ',', '\\', NULL]"), ("arr_nn", "'{NULL}'")]),
        (4, [("t", "'emoji 🎉 ünïcode 漢字 \u00e9'"), ("nm", "'naïve'"), ("jb", "'{\"ключ\": \"значение 🎉\", \"e\": \"\\u00e9\"}'"),
            ("a_text", "ARRAY['🎉', 'ü']"), ("t_nn", "'🎉'")]),
        (5, [("n_wide", "'1234567890123456789012345678.1234567890'"), ("n_free", "'123456789012345678901234567890.123456789012345'"),
            ("n_huge", "'123456789012345678901234567890123456789012345.12345'"), ("n_small", "'-99.99'"), ("n_mid", "'-999999999999.999'"),
            ("n_int", "'99999999999999999999'"), ("n_negscale", "12345")]),
        (6, [("n_wide", "'-9999999999999999999999999999.9999999999'"), ("n_free", "'NaN'"), ("n_small", "'0.01'"), ("n_mid", "'0'"),
            ("n_int", "'-99999999999999999999'"), ("a_free", "'{NaN,1.000000000000000000000000000001,NULL,-Infinity}'")]),
        (7, [("n_free", "'Infinity'"), ("n_wide", "'0.0000000001'"), ("n_small", "'-0.01'"), ("n_mid", "'0.001'")]),
        (8, [("n_free", "'-Infinity'"), ("n_wide", "'-0.0000000001'"), ("n_small", "'99.99'")]),
        (9, [("i8", "-9223372036854775808"), ("i2", "-32768"), ("i4", "-2147483648"), ("i4_nn", "-2147483648"),
            ("a_i8", "ARRAY[-9223372036854775808, 9223372036854775807, NULL]"), ("a_i2", "'{-32768,32767}'")]),
        (10, [("i8", "9223372036854775807"), ("i2", "32767"), ("i4", "2147483647"), ("i4_nn", "2147483647")]),
        (11, [("f4", "'NaN'"), ("f8", "'NaN'")]),
        (12, [("f4", "'Infinity'"), ("f8", "'Infinity'")]),
        (13, [("f4", "'-Infinity'"), ("f8", "'-Infinity'")]),
        (14, [("f4", "'-0'"), ("f8", "'-0'"), ("a_f8", "'{-0.25,1.5,NULL}'"), ("a_f4", "'{-0.25,NULL}'")]),
        (15, [("f8", "1e308"), ("f4", "3.4e38")]),
        (16, [("f8", "'4.9e-324'"), ("f4", "'1.4e-45'")]),
        (17, [("f8", "0.1"), ("f4", "0.1")]),
        (18, [("d", "'infinity'"), ("ts", "'infinity'"), ("tstz", "'infinity'"), ("a_date", "'{infinity,-infinity,NULL}'"),
            ("a_ts", "'{infinity}'"), ("ts_nn", "'infinity'")]),
        (19, [("d", "'-infinity'"), ("ts", "'-infinity'"), ("tstz", "'-infinity'"), ("a_tstz", "'{-infinity,2024-01-01 00:00:00+00}'"),
            ("ts_nn", "'-infinity'")]),
        (20, [("d", "'4713-01-01 BC'"), ("ts", "'4713-01-01 00:00:00 BC'"), ("tstz", "'0044-03-15 12:00:00.5+00 BC'")]),
        (21, [("d", "'5874897-12-31'"), ("ts", "'294246-12-31 23:59:59.999999'"), ("tstz", "'294246-12-31 23:59:59.999999+00'")]),
        (22, [("tm", "'24:00:00'"), ("ts3", "'2024-02-29 12:34:56.789'"), ("tz", "'23:59:59+14'"), ("a_time", "'{24:00:00,00:00:00,NULL}'")]),
        (23, [("tm", "'00:00:00'"), ("ts", "'2024-02-29 23:59:59.999999'"), ("tstz", "'1969-12-31 23:59:59.999999+00'"), ("d", "'1969-12-31'")]),
        (24, [("j", "'{\"a\": [1, {\"b\": null}],\n \"c\": \"x\\\"y\"}'"),
            ("jb", "'{\"a\": {\"b\": [1, 2.50, {\"c\": [true, false, null]}]}, \"z\": \"\\u00e9\", \"big\": 123456789012345678901234567890}'"),
            ("a_json", "ARRAY['{\"a\": 1}'::json, NULL, '[]']"), ("a_jsonb", "ARRAY['{\"n\": {\"m\": [1]}}'::jsonb, 'null']")]),
        (25, [("bin", "'\\x000102ff00'"), ("a_bytea", "ARRAY['\\x00'::bytea, NULL, '\\x'::bytea]")]),
        (26, [("a_num", "'{1.50,NULL,-2.25}'"), ("a_wide", "'{12345678901234567890123456.1234,NULL,-0.0001}'"), ("a_bool", "'{t,NULL,f}'"),
            ("a_uuid", "'{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11,NULL}'"), ("a_ch", "'{ab,NULL}'"), ("a_nm", "'{\"a b\",NULL}'"),
            ("a_inet", "'{10.0.0.1/8,NULL}'"), ("a_en", "'{happy,NULL}'")]),
        (27, [("t", "repeat('0123456789abcdef', 65536)"), ("t_nn", "repeat('é', 1000)")]),
        (28, [("tz", "'12:00:00+05:30'"), ("iv", "'1 year 2 mons 3 days 04:05:06.789'"), ("ip", "'::1/128'"), ("mn", "'-1234.56'"),
            ("x", "'<a b=\"c\">&amp;</a>'"), ("en", $"'it''s \"complicated\"'"), ("u", "'00000000-0000-0000-0000-000000000000'")]),
        (29, [("a_text", "'{}'"), ("a_num", "'{}'"), ("a_bytea", "'{}'"), ("a_free", "'{}'"), ("a_date", "'{}'"), ("arr_nn", "'{}'"),
            ("a_inet", "'{}'"), ("a_en", $"'{{}}'::{mood}[]")]),
    ];
}
