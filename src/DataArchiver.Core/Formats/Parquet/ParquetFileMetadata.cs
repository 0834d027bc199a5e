using System.Text.Encodings.Web;
using System.Text.Json;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Core.Formats.Parquet;

/// <summary>The key-value metadata of every file: the PostgreSQL columns and how values without a Parquet form were written.</summary>
internal static class ParquetFileMetadata
{
    /// <summary>Key of the JSON array of <c>{"name","type","oid","not_null"}</c>, one object per column in table order.</summary>
    public const string ColumnsKey = "postgres.columns";

    /// <summary>Key of the sentence describing how ±infinity dates and timestamps are stored.</summary>
    public const string InfinityKey = "postgres.infinity";

    /// <summary>The rule for ±infinity, stated in every file so a reader never has to guess.</summary>
    public const string InfinityRule =
        "date ±infinity is stored as ±2147483647 days and timestamp/timestamptz ±infinity as ±9223372036854775807 microseconds";

    /// <summary>The metadata of a file holding <paramref name="columns"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(IReadOnlyList<ColumnInfo> columns)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var column in columns)
            {
                json.WriteStartObject();
                json.WriteString("name", column.Name);
                json.WriteString("type", column.TypeName);
                json.WriteNumber("oid", column.TypeOid);
                json.WriteBoolean("not_null", column.NotNull);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return new Dictionary<string, string>
        {
            [ColumnsKey] = System.Text.Encoding.UTF8.GetString(buffer.ToArray()),
            [InfinityKey] = InfinityRule,
        };
    }
}
