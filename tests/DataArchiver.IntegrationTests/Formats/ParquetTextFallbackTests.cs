using DataArchiver.Core.Formats;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Formats;

/// <summary>Parquet's STRING fallback holds each value as its type's output function prints it, byte for byte.</summary>
public sealed class ParquetTextFallbackTests
{
    [Fact]
    public async Task Export_TypesWithoutAParquetForm_StringsEqualCopyText()
    {
        var table = TestServices.UniqueName("pqtext");
        var padded = table + "_c5";
        string[] columns = ["ip", "cidr_v", "pad", "iv", "mn", "tz", "rng", "ips"];
        await Db.ExecuteAsync($$"""
            CREATE DOMAIN {{padded}} AS char(5);
            CREATE TABLE {{table}} (id int, ip inet, cidr_v cidr, pad {{padded}}, iv interval, mn money, tz timetz, rng int4range, ips inet[]);
            INSERT INTO {{table}} VALUES
              (1, '10.1.2.3', '10.1.0.0/16', 'ab', '1 day 02:03:04.5', 12.5, '10:00:00.5+02', '[1,5)', '{10.1.2.3,::1}'),
              (2, '::1', '::1/128', '', '-1 year', -0.01, '00:00:00+00', 'empty', '{}'),
              (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            """);
        var path = ParquetExport.TempPath();
        try
        {
            await ParquetExport.ToFileAsync(table, path, FormatOptions.Default);

            foreach (var column in columns)
            {
                // COPY's text form: the output function, with \N for NULL.
                var copy = (await Db.CopyTextAsync($"SELECT {column} FROM {table} ORDER BY id")).Split('\n')[..^1]
                    .Select(line => line == "\\N" ? null : line).ToList();
                var parquet = DuckDb.Query($"SELECT {column} FROM read_parquet({DuckDb.Literal(path)}) ORDER BY id").Select(r => (string?)r[0]).ToList();
                Assert.Equal(copy, parquet);
            }
            Assert.Equal("10.1.2.3", DuckDb.Query($"SELECT ip FROM read_parquet({DuckDb.Literal(path)}) WHERE id = 1")[0][0]);
            Assert.Equal("ab   ", DuckDb.Query($"SELECT pad FROM read_parquet({DuckDb.Literal(path)}) WHERE id = 1")[0][0]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
