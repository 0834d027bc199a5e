using DataArchiver.Core.Extraction;

namespace DataArchiver.Core.Formats.Parquet;

/// <summary>Apache Parquet, compressed inside the file (see <see cref="ParquetRecordWriter"/>).</summary>
public sealed class ParquetFormat(FormatOptions options) : RowFileFormat
{
    /// <inheritdoc />
    public override bool CompressesInside => true;

    /// <inheritdoc />
    public override IRowWriter CreateWriter(Stream output, IReadOnlyList<ExportColumn> columns) => new ParquetRecordWriter(output, columns, options);
}
