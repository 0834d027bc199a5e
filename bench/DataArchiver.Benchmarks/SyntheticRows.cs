using System.Globalization;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.PostgresTypes;
using DataArchiver.Tests.Formats;

namespace DataArchiver.Benchmarks;

/// <summary>
/// A realistic mix of fifteen columns (keys, timestamps, amounts, short and long text, jsonb, uuid, a text array),
/// pre-encoded as the binary fields the reader hands over. About one value in twenty is NULL.
/// </summary>
internal sealed class SyntheticRows
{
    public static readonly IReadOnlyList<ColumnInfo> Columns =
    [
        new("id", "bigint", 20, true),
        new("created_at", "timestamp with time zone", 1184, true),
        new("updated_at", "timestamp without time zone", 1114, false),
        new("day", "date", 1082, true),
        new("user_id", "integer", 23, true),
        new("status", "smallint", 21, false),
        new("active", "boolean", 16, false),
        new("amount", "numeric(12,2)", 1700, false),
        new("ratio", "double precision", 701, false),
        new("score", "real", 700, false),
        new("name", "text", 25, false),
        new("description", "text", 25, false),
        new("payload", "jsonb", 3802, false),
        new("ref", "uuid", 2950, false),
        new("tags", "text[]", 1009, false),
    ];

    private static readonly string[] Words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"];

    private SyntheticRows(int count)
    {
        var random = new Random(42);
        var binary = new RowBuffer();
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var at = start.AddTicks(i * 12_345_670L);
            var amount = (random.Next(0, 10_000_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            var ratio = random.NextDouble() * 1000;
            var score = (float)random.NextDouble();
            var name = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {i}";
            var description = string.Join(' ', Enumerable.Range(0, random.Next(5, 25)).Select(_ => Words[random.Next(Words.Length)]));
            var payload = $$$"""{"kind": "{{{Words[i % Words.Length]}}}", "count": {{{i % 97}}}, "nested": {"ok": true, "list": [1, 2, {{{i % 7}}}]}}""";
            var reference = Guid.CreateVersion7(new DateTimeOffset(at));
            string[] tags = [Words[i % 10], Words[(i + 3) % 10], Words[(i + 7) % 10]];
            bool Null(int column) => column > 4 && random.Next(20) == 0;

            binary.Add(PgSend.Int8(i), PgSend.Timestamp(at), Null(2) ? null : PgSend.Timestamp(at), PgSend.Date(DateOnly.FromDateTime(at)),
                PgSend.Int4(i % 5000), Null(5) ? null : PgSend.Int2((short)(i % 7)), Null(6) ? null : PgSend.Bool(i % 3 == 0),
                Null(7) ? null : PgSend.Numeric(amount), Null(8) ? null : PgSend.Float8(ratio), Null(9) ? null : Float4(score),
                Null(10) ? null : PgSend.Text(name), Null(11) ? null : PgSend.Text(description), Null(12) ? null : PgSend.Jsonb(payload),
                Null(13) ? null : reference.ToByteArray(bigEndian: true),
                Null(14) ? null : PgSend.Array(25, [.. tags.Select(PgSend.Text)]));
        }
        Binary = binary;
    }

    /// <summary>
    /// The rows as binary send-format fields: what both the Parquet and the JSON lines writer get for these columns, all
    /// of which are native to both.
    /// </summary>
    public RowBuffer Binary { get; }

    /// <summary>Builds <paramref name="count"/> rows.</summary>
    public static SyntheticRows Create(int count) => new(count);

    private static byte[] Float4(float value)
    {
        var bytes = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteSingleBigEndian(bytes, value);
        return bytes;
    }
}
