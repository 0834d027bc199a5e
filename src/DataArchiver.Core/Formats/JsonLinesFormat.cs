using DataArchiver.Core.Extraction;

namespace DataArchiver.Core.Formats;

/// <summary>JSON lines, one object per row (see <see cref="JsonLinesWriter"/>).</summary>
public sealed class JsonLinesFormat : RowFileFormat
{
    /// <inheritdoc />
    public override bool CompressesInside => false;

    /// <inheritdoc />
    public override IRowWriter CreateWriter(Stream output, IReadOnlyList<ExportColumn> columns) => new JsonLinesWriter(output, columns);
}
