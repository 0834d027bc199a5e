using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Core.Loading;

/// <summary>
/// The format side of the restore direction, the inverse of a format writer: reads a decompressed file of its format
/// and pumps its rows into a sink. One decoder per format, registered beside its writer.
/// </summary>
public interface IFormatDecoder
{
    /// <summary>
    /// Reads every row of <paramref name="input"/> (already decompressed) as values of <paramref name="columns"/> and
    /// writes each into <paramref name="sink"/>; returns the number of rows. A value that does not fit its column, or a
    /// file that ends inside a row, throws <see cref="InvalidDataException"/> naming the row and column. The sink is
    /// neither committed nor disposed here.
    /// </summary>
    Task<long> DecodeAsync(Stream input, IReadOnlyList<ColumnInfo> columns, IRowSink sink, CancellationToken cancellationToken);
}
